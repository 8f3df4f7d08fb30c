using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Decisions;
using Dealership.Domain.Handover;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

public sealed record FindingView(int Number, string Area, InspectionRating Rating, string? Note, IReadOnlyList<Guid> PhotoIds);

public sealed record ExtraWorkView(Guid Id, int FindingNumber, string Area, InspectionRating Urgency, string Title, string Reason, string? IfYouWait,
    int LabourMinutes, MoneyView Labour, MoneyView Parts, MoneyView Total, IReadOnlyList<string> PartNames, DateTime? ReadyByIfApproved,
    ExtraWorkStatus Status, DateTime? ViewedAt, DateTime? AnsweredAt, ChoiceChannel? AnsweredVia, DateTime? StartedAt, DateTime? DoneAt, IReadOnlyList<Guid> PhotoIds);

public sealed record BillLineView(ServiceBillLineKind Kind, string Description, MoneyView Amount);

public sealed record BillView(IReadOnlyList<BillLineView> Lines, MoneyView Subtotal, MoneyView Goodwill, decimal TaxPercent, MoneyView Tax, MoneyView Total, bool Final,
    MoneyView? Paid, string? PaymentMethod, string? PaymentReference);

/// <summary>A visit in the workshop: what the board and the visit page show. The bill is left out for technicians (they work on cars, not money).</summary>
public sealed record WorkshopVisitView(
    Guid Id,
    Guid SiteId,
    Guid CustomerId,
    string CustomerName,
    string Vehicle,
    string AdvisorName,
    string Concern,
    string? ConcernConfirmed,
    int? Mileage,
    AppointmentStatus Status,
    WorkshopStage Stage,
    DateTime? CheckedInAt,
    DateTime? WorkStartedAt,
    DateTime? PromisedReadyAt,
    DateTime? ReadyAt,
    DateTime? CollectedAt,
    bool Late,
    IReadOnlyList<Service.AppointmentOperationView> Operations,
    IReadOnlyList<Service.PartLineView> Parts,
    DateTime? InspectedAt,
    IReadOnlyList<FindingView> Inspection,
    IReadOnlyList<ExtraWorkView> ExtraWork,
    BillView? Bill,
    long Version)
{
    /// <summary>Urgent work the customer declined at an earlier visit of this car: look at it again.</summary>
    public IReadOnlyList<string> DeclinedBefore { get; init; } = [];
}

/// <summary>
/// Works out a visit's bill from the one rule (<see cref="ServiceBill"/>): the site's labour rate and tax, the
/// parts' current sell prices until the car is collected (then the paid total stands), goodwill decided on the visit.
/// </summary>
public sealed class WorkshopBills(DealershipDbContext db)
{
    public async Task<ServiceBill> ForAsync(ServiceAppointment visit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == visit.SiteId, ct);
        return (await ForManyAsync([visit], new Dictionary<Guid, Domain.Sites.Site> { [site.Id] = site }, ct))[visit.Id];
    }

    /// <summary>Bills for a page of visits in two queries (prices, goodwill) whatever the page size.</summary>
    public async Task<IReadOnlyDictionary<Guid, ServiceBill>> ForManyAsync(IReadOnlyList<ServiceAppointment> visits, IReadOnlyDictionary<Guid, Domain.Sites.Site> sites, CancellationToken ct)
    {
        var partIds = visits.SelectMany(v => v.PartLines).Select(l => l.PartId).Distinct().ToList();
        var prices = partIds.Count == 0 ? new Dictionary<Guid, long>()
            : await db.Parts.AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.SellPriceAmount, ct);
        var ids = visits.Select(v => v.Id).ToList();
        var credits = await db.Decisions.AsNoTracking()
            .Where(d => d.SubjectType == "appointment" && ids.Contains(d.SubjectId) && d.Amount != null
                && (d.Action == DecisionAction.Goodwill || d.Action == DecisionAction.Coupon || d.Action == DecisionAction.Discount)
                && (d.Status == DecisionStatus.Applied || d.Status == DecisionStatus.Approved))
            .Select(d => new { d.SubjectId, Amount = d.Amount!.Value })
            .ToListAsync(ct);
        return visits.ToDictionary(v => v.Id, v =>
        {
            var site = sites[v.SiteId];
            return ServiceBill.For(v, site.LabourRatePerHour, site.SalesTaxBasisPoints, site.Currency, prices,
                credits.Where(c => c.SubjectId == v.Id).Select(c => c.Amount).ToList());
        });
    }

    public static BillView View(ServiceBill bill, ServiceAppointment visit)
    {
        ArgumentNullException.ThrowIfNull(bill);
        ArgumentNullException.ThrowIfNull(visit);
        MoneyView M(long amount) => new(amount, bill.Currency);
        return new BillView(bill.Lines.Select(l => new BillLineView(l.Kind, l.Description, M(l.Amount))).ToList(), M(bill.Subtotal), M(bill.Goodwill),
            bill.TaxBasisPoints / 100m, M(bill.Tax), M(bill.Total), visit.Status is AppointmentStatus.Ready or AppointmentStatus.Collected,
            visit.PaidAmount is { } paid ? M(paid) : null, visit.PaymentMethod, visit.PaymentReference);
    }
}

/// <summary>Builds workshop views for a page of visits with a constant number of queries.</summary>
public sealed class WorkshopViews(DealershipDbContext db, WorkshopBills bills, Service.AppointmentViews appointments, ICurrentStaff staff, TimeProvider clock)
{
    public async Task<WorkshopVisitView> OneAsync(ServiceAppointment visit, CancellationToken ct) => (await ManyAsync([visit], ct))[0];

    public async Task<IReadOnlyList<WorkshopVisitView>> ManyAsync(IReadOnlyList<ServiceAppointment> visits, CancellationToken ct)
    {
        if (visits.Count == 0)
        {
            return [];
        }

        db.AssignKeys(); // a photo added in this command shows with its id before the commit
        var now = clock.GetUtcNow().UtcDateTime;
        var basics = (await appointments.ManyAsync(visits, ct)).ToDictionary(v => v.Id);
        var siteIds = visits.Select(v => v.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var seesMoney = AccessRules.Allows(staff, Access.ReadService);
        var billed = seesMoney ? await bills.ForManyAsync(visits, sites, ct) : null;
        var declined = visits.Count == 1
            ? await DeclinedWork.ForVehiclesAsync(db, [visits[0].VehicleId], visits[0].Id, ct)
            : new Dictionary<Guid, List<string>>();
        return visits.Select(v =>
        {
            var basic = basics[v.Id];
            var currency = sites[v.SiteId].Currency;
            var photos = v.Photos.OrderBy(p => p.AddedAt).ToLookup(p => p.FindingNumber, p => p.Id);
            var areas = v.Inspection.ToDictionary(f => f.Number, f => f.Area);
            return new WorkshopVisitView(v.Id, v.SiteId, v.CustomerId, basic.CustomerName, basic.Vehicle, basic.AdvisorName, v.Concern, v.ConcernConfirmed, v.Mileage,
                v.Status, v.Stage, v.CheckedInAt, v.WorkStartedAt, v.PromisedReadyAt, v.ReadyAt, v.CollectedAt,
                v.PromisedReadyAt is { } due && (v.ReadyAt ?? now) > due && v.Status != AppointmentStatus.Collected,
                basic.Operations, basic.Parts, v.InspectedAt,
                v.Inspection.OrderBy(f => f.Number).Select(f => new FindingView(f.Number, f.Area, f.Rating, f.Note, photos[f.Number].ToList())).ToList(),
                v.ExtraWork.OrderBy(w => w.FindingNumber).Select(w => new ExtraWorkView(w.Id, w.FindingNumber, areas.GetValueOrDefault(w.FindingNumber, ""), w.Urgency,
                    w.Title, w.Reason, w.IfYouWait, w.LabourMinutes, new MoneyView(w.LabourAmount, currency), new MoneyView(w.PartsAmount, currency),
                    new MoneyView(w.Total, currency), w.Parts.Select(p => $"{p.Description} × {p.Quantity}").ToList(), w.ReadyByIfApproved, w.Status, w.ViewedAt,
                    w.AnsweredAt, w.AnsweredVia, w.StartedAt, w.DoneAt, photos[w.FindingNumber].ToList())).ToList(),
                billed is null ? null : WorkshopBills.View(billed[v.Id], v),
                v.Version)
            {
                DeclinedBefore = declined.GetValueOrDefault(v.VehicleId) ?? [],
            };
        }).ToList();
    }
}
