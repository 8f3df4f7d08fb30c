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

/// <summary>A visit's columns with the names a view shows: the customer's, the car's and the advisor's.</summary>
public sealed record NamedVisit(VisitColumns Visit, string CustomerName, string Vehicle, string AdvisorName);

/// <summary>Builds appointment views for a page of appointments with a constant number of queries.</summary>
public sealed class AppointmentViews(DealershipDbContext db)
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
        select new NamedVisit(v, c.FirstName + " " + c.LastName, Domain.Customers.Vehicle.Describe(car.Year, car.Make, car.Model, car.Trim), u.DisplayName);

    private static readonly Expression<Func<ServiceAppointment, AppointmentPartLine, LineColumns>> LineColumnsOf =
        (a, l) => new LineColumns(a.Id, l.Id, l.PartNumber, l.Description, l.Quantity, l.State, l.Eta, l.PartsOrderId);

    private static readonly Func<ServiceAppointment, VisitColumns> ColumnsOf = Columns.Compile();
    private static readonly Func<ServiceAppointment, AppointmentPartLine, LineColumns> LineOf = LineColumnsOf.Compile();

    private sealed record LineColumns(Guid AppointmentId, int Id, string PartNumber, string Description, int Quantity, PartLineState State, DateOnly? Eta, Guid? PartsOrderId);

    /// <summary>A visit already loaded (a command's result).</summary>
    public async Task<AppointmentView> OneAsync(ServiceAppointment appointment, CancellationToken ct) => (await ManyAsync([appointment], ct))[0];

    /// <summary>Visits already loaded whole (the workshop's views, which need the rest of the aggregate anyway).</summary>
    public async Task<IReadOnlyList<AppointmentView>> ManyAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        // The operations' order is their keys' order, as a list reads them.
        var operations = appointments.SelectMany(a => a.Operations.OrderBy(o => o.Id), (a, o) => (a.Id, new AppointmentOperationView(o.Code, o.Description, o.LabourMinutes)))
            .ToList();
        var lines = appointments.SelectMany(a => a.PartLines, LineOf).ToList();
        var customerIds = appointments.Select(a => a.CustomerId).Distinct().ToList();
        var vehicleIds = appointments.Select(a => a.VehicleId).Distinct().ToList();
        var staffIds = appointments.Select(a => a.AdvisorStaffId).Distinct().ToList();
        // Only the columns shown: ToDictionaryAsync's selectors run after whole rows were read.
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).Select(v => new { v.Id, v.Year, v.Make, v.Model, v.Trim })
            .ToDictionaryAsync(v => v.Id, v => Domain.Customers.Vehicle.Describe(v.Year, v.Make, v.Model, v.Trim), ct);
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
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
        var ofThese = db.Appointments.AsNoTracking().Where(a => ids.Contains(a.Id));
        var operations = (await ofThese.SelectMany(a => a.Operations, (a, o) => new { a.Id, Order = o.Id, o.Code, o.Description, o.LabourMinutes })
            .ToListAsync(ct)).OrderBy(o => o.Order)
            .Select(o => (o.Id, new AppointmentOperationView(o.Code, o.Description, o.LabourMinutes))).ToList();
        var lines = await ofThese.SelectMany(a => a.PartLines, LineColumnsOf).ToListAsync(ct);
        return await BuildAsync(visits, operations, lines, ct);
    }

    private async Task<IReadOnlyList<AppointmentView>> BuildAsync(IReadOnlyList<NamedVisit> appointments, List<(Guid Id, AppointmentOperationView View)> operations,
        List<LineColumns> lines, CancellationToken ct)
    {
        if (appointments.Count == 0)
        {
            return [];
        }

        var siteIds = appointments.Select(a => a.Visit.SiteId).Distinct().ToList();
        var orderIds = lines.Where(l => l.PartsOrderId != null).Select(l => l.PartsOrderId!.Value).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // An order's lines come with it unless only these columns are asked for: at a busy site an order holds hundreds.
        var orders = orderIds.Count == 0 ? [] : await db.PartsOrders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Reference, Draft = o.Status == Domain.Parts.PartsOrderStatus.Draft })
            .ToDictionaryAsync(o => o.Id, o => new { o.Reference, o.Draft }, ct);
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
                    l.PartsOrderId is { } id ? orders.GetValueOrDefault(id)?.Reference : null,
                    l.State == PartLineState.Reserved || (l.State == PartLineState.OnOrder && l.Eta <= needBy),
                    l.PartsOrderId is { } draftId && orders.GetValueOrDefault(draftId)?.Draft == true)).ToList(),
                a.Version);
        }).ToList();
    }
}
