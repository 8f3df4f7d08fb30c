using Dealership.Application.Data;
using Dealership.Domain.Service;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

public sealed record AppointmentOperationView(string Code, string Description, int LabourMinutes);

/// <summary>A part line as the lane shows it: ready, ordered (with ETA and order reference), or short.</summary>
/// <summary>One part of a visit. <see cref="OrderNotSent"/>: it is on a draft the parts clerk has not sent yet, so its date is only an estimate.</summary>
public sealed record PartLineView(string PartNumber, string Description, int Quantity, PartLineState State, DateOnly? Eta, string? OrderReference, bool InTime,
    bool OrderNotSent = false);

/// <summary>An appointment as staff see it: times in UTC (StartsAt) and site wall-clock (LocalStartsAt), readiness, parts by line.</summary>
public sealed record AppointmentView(
    Guid Id,
    Guid SiteId,
    Guid CustomerId,
    string CustomerName,
    Guid VehicleId,
    string Vehicle,
    Guid AdvisorStaffId,
    string AdvisorName,
    string Concern,
    DateTime StartsAt,
    DateTime LocalStartsAt,
    DateOnly Date,
    bool WalkIn,
    int LabourMinutes,
    AppointmentStatus Status,
    PartsReadiness Readiness,
    DateOnly? PartsExpectedBy,
    DateOnly PartsNeededBy,
    DateTime? ConfirmedAt,
    DateTime? CheckedInAt,
    int? Mileage,
    DateTime? PromisedReadyAt,
    string? LastChangeReason,
    IReadOnlyList<AppointmentOperationView> Operations,
    IReadOnlyList<PartLineView> Parts,
    long Version);

/// <summary>
/// The columns of a visit that a view shows, read without the aggregate. Loading whole visits for a list brought their
/// findings, extra work and its parts too, in five queries each re-running the list's filter and order: most of the
/// lane's cost at group scale (issue #14). Properties rather than a constructor, so a query can go on from them (the
/// names' joins in <see cref="AppointmentViews.WithNames"/>).
/// </summary>
public sealed record VisitColumns
{
    public Guid Id { get; init; }

    public Guid SiteId { get; init; }

    public Guid CustomerId { get; init; }

    public Guid VehicleId { get; init; }

    public Guid AdvisorStaffId { get; init; }

    public string Concern { get; init; } = "";

    public DateTime StartsAt { get; init; }

    public DateOnly Date { get; init; }

    public bool WalkIn { get; init; }

    public int LabourMinutes { get; init; }

    public AppointmentStatus Status { get; init; }

    public PartsReadiness Readiness { get; init; }

    public DateTime? ConfirmedAt { get; init; }

    public DateTime? CheckedInAt { get; init; }

    public int? Mileage { get; init; }

    public DateTime? PromisedReadyAt { get; init; }

    public string? LastChangeReason { get; init; }

    public long Version { get; init; }
}

/// <summary>
/// A visit's columns with the names a view shows: the customer's, the car's and the advisor's; and, read from the same
/// join, how the customer is reached (the lane's "updates go to"). Those two are null for visits loaded whole.
/// </summary>
public sealed record NamedVisit(VisitColumns Visit, string CustomerName, string Vehicle, string AdvisorName)
{
    public string? CustomerMobilePhone { get; init; }

    public string? CustomerEmail { get; init; }
}

/// <summary>Builds appointment views for a page of appointments with a constant number of queries.</summary>
public sealed class AppointmentViews(DealershipDbContext db, Sites.SiteContext siteContext, Common.StaffNames staffNames)
{
    /// <summary>
    /// Select this from a filtered, ordered and bounded query of visits, add the names with <see cref="WithNames"/>, then
    /// pass the rows to <see cref="ManyAsync(IReadOnlyList{NamedVisit}, CancellationToken)"/>.
    /// </summary>
    public static readonly Expression<Func<ServiceAppointment, VisitColumns>> Columns = a => new VisitColumns
    {
        Id = a.Id, SiteId = a.SiteId, CustomerId = a.CustomerId, VehicleId = a.VehicleId, AdvisorStaffId = a.AdvisorStaffId, Concern = a.Concern,
        StartsAt = a.StartsAt, Date = a.Date, WalkIn = a.WalkIn, LabourMinutes = a.LabourMinutes, Status = a.Status, Readiness = a.Readiness,
        ConfirmedAt = a.ConfirmedAt, CheckedInAt = a.CheckedInAt, Mileage = a.Mileage, PromisedReadyAt = a.PromisedReadyAt,
        LastChangeReason = a.LastChangeReason, Version = a.Version,
    };

    /// <summary>
    /// The names joined in the same query (three lookups of their own before, issue #14). The visit's keys are required
    /// and restricted, so the joins drop no visit. Order the visits before, and bound or page them after: the query
    /// stays flat and keeps its order.
    /// </summary>
    public IQueryable<NamedVisit> WithNames(IQueryable<VisitColumns> visits) =>
        from v in visits
        join c in db.Customers on v.CustomerId equals c.Id
        join car in db.Vehicles on v.VehicleId equals car.Id
        join u in db.Users on v.AdvisorStaffId equals u.Id
        select new NamedVisit(v, c.FirstName + " " + c.LastName, Domain.Customers.Vehicle.Describe(car.Year, car.Make, car.Model, car.Trim), u.DisplayName)
        {
            CustomerMobilePhone = c.MobilePhone, CustomerEmail = c.Email,
        };

    private static readonly Func<ServiceAppointment, VisitColumns> ColumnsOf = Columns.Compile();

    /// <summary>A part line's columns; its order's reference and whether that order is still a draft when read with the line.</summary>
    private sealed record LineColumns(Guid AppointmentId, int Id, string PartNumber, string Description, int Quantity, PartLineState State, DateOnly? Eta, Guid? PartsOrderId)
    {
        public string? OrderReference { get; init; }

        public bool OrderDraft { get; init; }
    }

    // Compiled once, as the lists' own queries are not: these two run for every list of visits, and EF's per-call work
    // on an ordinary query was a large share of the lane's CPU at group scale (issue #14).
    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<OperationColumns>> OperationsOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) => db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id))
            .SelectMany(a => a.Operations, (a, o) => new OperationColumns(a.Id, o.Id, o.Code, o.Description, o.LabourMinutes)));

    // The order's reference joined in: a lookup of its own was one more statement per list.
    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<LineColumns>> LinesOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) =>
            from a in db.Appointments.AsNoTracking()
            where ids.Contains(a.Id)
            from l in a.PartLines
            join o in db.PartsOrders on l.PartsOrderId equals (Guid?)o.Id into orders
            from o in orders.DefaultIfEmpty()
            select new LineColumns(a.Id, l.Id, l.PartNumber, l.Description, l.Quantity, l.State, l.Eta, l.PartsOrderId)
            {
                OrderReference = o == null ? null : o.Reference, OrderDraft = o != null && o.Status == Domain.Parts.PartsOrderStatus.Draft,
            });

    // A command on one visit answers with its view, built inside the command's unit (on SQLite, under the write
    // lock): these lookups of the names and orders of visits loaded whole are compiled for the same reason.
    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<IdAndName>> CustomerNamesOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) =>
            db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new IdAndName(c.Id, c.FirstName + " " + c.LastName)));

    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<IdAndName>> StaffNamesOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) => db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new IdAndName(u.Id, u.DisplayName)));

    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<CarColumns>> VehiclesOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) =>
            db.Vehicles.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new CarColumns(v.Id, v.Year, v.Make, v.Model, v.Trim)));

    private static readonly Func<DealershipDbContext, List<Guid>, IAsyncEnumerable<OrderColumns>> OrdersOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<Guid> ids) => db.PartsOrders.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OrderColumns(o.Id, o.Reference, o.Status == Domain.Parts.PartsOrderStatus.Draft)));

    private sealed record IdAndName(Guid Id, string Name);

    private sealed record CarColumns(Guid Id, int Year, string Make, string Model, string? Trim);

    private sealed record OrderColumns(Guid Id, string Reference, bool Draft);

    private sealed record OperationColumns(Guid AppointmentId, int Order, string Code, string Description, int LabourMinutes);

    /// <summary>A visit already loaded (a command's result).</summary>
    public async Task<AppointmentView> OneAsync(ServiceAppointment appointment, CancellationToken ct) => (await ManyAsync([appointment], ct))[0];

    /// <summary>Visits already loaded whole (the workshop's views, which need the rest of the aggregate anyway).</summary>
    public async Task<IReadOnlyList<AppointmentView>> ManyAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        // The operations' order is their keys' order, as a list reads them.
        var operations = appointments.SelectMany(a => a.Operations.OrderBy(o => o.Id), (a, o) => (a.Id, new AppointmentOperationView(o.Code, o.Description, o.LabourMinutes)))
            .ToList();
        var lines = appointments.SelectMany(a => a.PartLines, (a, l) => new LineColumns(a.Id, l.Id, l.PartNumber, l.Description, l.Quantity, l.State, l.Eta, l.PartsOrderId))
            .ToList();
        var customerIds = appointments.Select(a => a.CustomerId).Distinct().ToList();
        var vehicleIds = appointments.Select(a => a.VehicleId).Distinct().ToList();
        var staffIds = appointments.Select(a => a.AdvisorStaffId).Distinct().ToList();
        // Customers and cars the unit holds (a booking's) as they are now, staff names it has read (a booking's advisors);
        // the rest read here, only the columns shown (a dictionary's selectors run after whole rows are read).
        var customers = db.Tracked<Domain.Customers.Customer>().Where(c => customerIds.Contains(c.Id)).ToDictionary(c => c.Id, c => c.FullName);
        var vehicles = db.Tracked<Domain.Customers.Vehicle>().Where(v => vehicleIds.Contains(v.Id)).ToDictionary(v => v.Id, v => Domain.Customers.Vehicle.Describe(v.Year, v.Make, v.Model, v.Trim));
        var staff = staffIds.Where(id => staffNames.Known(id) is not null).ToDictionary(id => id, id => staffNames.Known(id)!);
        if (customerIds.Except(customers.Keys).ToList() is { Count: > 0 } unheldCustomers)
        {
            (await CustomerNamesOf(db, unheldCustomers).ToListAsync(ct)).ForEach(c => customers[c.Id] = c.Name);
        }

        if (vehicleIds.Except(vehicles.Keys).ToList() is { Count: > 0 } unheldVehicles)
        {
            (await VehiclesOf(db, unheldVehicles).ToListAsync(ct)).ForEach(v => vehicles[v.Id] = Domain.Customers.Vehicle.Describe(v.Year, v.Make, v.Model, v.Trim));
        }

        if (staffIds.Except(staff.Keys).ToList() is { Count: > 0 } unknownStaff)
        {
            // Kept for the unit: its events' messages name the advisor too.
            (await StaffNamesOf(db, unknownStaff).ToListAsync(ct)).ForEach(u => staffNames.Remember(u.Id, staff[u.Id] = u.Name));
        }

        var named = appointments.Select(a => new NamedVisit(ColumnsOf(a), customers.GetValueOrDefault(a.CustomerId, ""),
            vehicles.GetValueOrDefault(a.VehicleId, "Vehicle"), staff.GetValueOrDefault(a.AdvisorStaffId, ""))).ToList();
        return await BuildAsync(named, operations, lines, ct);
    }

    /// <summary>A page of visits read with <see cref="Columns"/> and <see cref="WithNames"/>: their operations and part lines in one query each.</summary>
    public async Task<IReadOnlyList<AppointmentView>> ManyAsync(IReadOnlyList<NamedVisit> visits, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visits);
        if (visits.Count == 0)
        {
            return [];
        }

        var ids = visits.Select(v => v.Visit.Id).ToList();
        var operations = (await OperationsOf(db, ids).ToListAsync(ct)).OrderBy(o => o.Order)
            .Select(o => (o.AppointmentId, new AppointmentOperationView(o.Code, o.Description, o.LabourMinutes))).ToList();
        var lines = await LinesOf(db, ids).ToListAsync(ct);
        return await BuildAsync(visits, operations, lines, ct);
    }

    private async Task<IReadOnlyList<AppointmentView>> BuildAsync(IReadOnlyList<NamedVisit> appointments, List<(Guid Id, AppointmentOperationView View)> operations,
        List<LineColumns> lines, CancellationToken ct)
    {
        if (appointments.Count == 0)
        {
            return [];
        }

        // Sites this unit has read already (the lane's own, a command's visit's) are not read again; the rest in one read.
        var sites = await siteContext.OfRecordsAsync(appointments.Select(a => a.Visit.SiteId), ct);

        // Lines read with their visits' columns carry their order's reference; lines of visits loaded whole look it up.
        var orderIds = lines.Where(l => l.PartsOrderId != null && l.OrderReference == null).Select(l => l.PartsOrderId!.Value).Distinct().ToList();
        // An order's lines come with it unless only these columns are asked for: at a busy site an order holds hundreds.
        var orders = orderIds.Count == 0 ? [] : (await OrdersOf(db, orderIds).ToListAsync(ct)).ToDictionary(o => o.Id, o => (Reference: (string?)o.Reference, o.Draft));

        var operationsOf = operations.ToLookup(o => o.Id, o => o.View);
        var linesOf = lines.ToLookup(l => l.AppointmentId);

        return appointments.Select(named =>
        {
            var a = named.Visit;
            var site = sites[a.SiteId];
            var needBy = new Domain.Parts.WorkingDays(site.OpenDays).Before(a.Date);
            var parts = linesOf[a.Id];
            return new AppointmentView(a.Id, a.SiteId, a.CustomerId, named.CustomerName, a.VehicleId, named.Vehicle,
                a.AdvisorStaffId, named.AdvisorName, a.Concern, a.StartsAt, site.ToLocal(a.StartsAt), a.Date, a.WalkIn,
                a.LabourMinutes, a.Status, a.Readiness, ServiceAppointment.PartsExpectedBy(parts.Select(l => (l.State, l.Eta))), needBy, a.ConfirmedAt,
                a.CheckedInAt, a.Mileage, a.PromisedReadyAt, a.LastChangeReason,
                operationsOf[a.Id].ToList(),
                parts.OrderBy(l => l.PartNumber).ThenBy(l => l.Id).Select(l => new PartLineView(l.PartNumber, l.Description, l.Quantity, l.State, l.Eta,
                    l.OrderReference ?? (l.PartsOrderId is { } id && orders.TryGetValue(id, out var order) ? order.Reference : null),
                    l.State == PartLineState.Reserved || (l.State == PartLineState.OnOrder && l.Eta <= needBy),
                    l.OrderDraft || (l.PartsOrderId is { } draftId && orders.TryGetValue(draftId, out var draft) && draft.Draft))).ToList(),
                a.Version);
        }).ToList();
    }
}
