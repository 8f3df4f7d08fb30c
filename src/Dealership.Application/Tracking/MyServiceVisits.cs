using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>A service visit as the customer follows it on their tracking page.</summary>
public sealed record VisitProgress(Guid AppointmentId, string Vehicle, string AdvisorName, string SiteName, DateTime LocalStartsAt, AppointmentStatus Status,
    bool PartsReady, bool PartsNeeded, bool AtRisk, DateOnly? PartsExpectedBy, bool Confirmed, bool CanConfirm, DateTime? PromisedReadyLocal,
    IReadOnlyList<VisitSlot> NewTimes)
{
    /// <summary>After check-in: where the car stands, what the inspection found, the work waiting for the customer's answer, and the bill.</summary>
    public MyWorkshop? Workshop { get; init; }
}

/// <summary>The workshop part of a visit as its customer sees it (only their own: the page resolved their link first).</summary>
public sealed record MyWorkshop(WorkshopStage Stage, DateTime? ReadyLocal, IReadOnlyList<Workshop.FindingView> Findings, IReadOnlyList<Workshop.ExtraWorkView> Proposals,
    Workshop.BillView Bill, DateTime? CollectedLocal);

/// <summary>A time the customer may move their visit to (UTC to send back, local to show).</summary>
public sealed record VisitSlot(DateTime StartsAt, DateTime LocalStart);

/// <summary>
/// The customer's upcoming visits, with the times they can move to: after the parts' expected day when the
/// visit is at risk, otherwise from tomorrow. Times come from real workshop capacity.
/// </summary>
public sealed class MyServiceVisits(DealershipDbContext db, WorkshopCapacity capacity, Workshop.WorkshopBills bills, TimeProvider clock)
{
    public const int MaxNewTimes = 12;

    public async Task<IReadOnlyList<VisitProgress>> ForCustomerAsync(Guid customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Upcoming and in-workshop visits, and one collected in the last week (its receipt and bill stay in view).
        var visits = await db.Appointments.AsNoTracking().Include(a => a.Photos).AsSplitQuery()
            .Where(a => a.CustomerId == customerId && (((a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn) && a.StartsAt > now.AddDays(-7))
                || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Ready
                || (a.Status == AppointmentStatus.Collected && a.CollectedAt > now.AddDays(-7))))
            .OrderBy(a => a.StartsAt).Take(4).ToListAsync(ct);
        if (visits.Count == 0)
        {
            return [];
        }

        var siteIds = visits.Select(v => v.SiteId).Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var vehicleIds = visits.Select(v => v.VehicleId).ToList();
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).Select(v => new { v.Id, v.Year, v.Make, v.Model }).ToDictionaryAsync(v => v.Id, v => Domain.Customers.Vehicle.ShortNameOf(v.Year, v.Make, v.Model), ct);
        var advisorIds = visits.Select(v => v.AdvisorStaffId).ToList();
        var advisors = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var inWorkshop = visits.Where(v => v.Status is AppointmentStatus.InProgress or AppointmentStatus.Ready or AppointmentStatus.Collected or AppointmentStatus.CheckedIn).ToList();
        var billed = inWorkshop.Count == 0 ? new Dictionary<Guid, ServiceBill>() : await bills.ForManyAsync(inWorkshop, sites, ct);
        var result = new List<VisitProgress>();
        foreach (var visit in visits)
        {
            var site = sites[visit.SiteId];
            var local = site.ToLocal(visit.StartsAt);
            var booked = visit.Status == AppointmentStatus.Booked;
            var newTimes = booked ? await NewTimesAsync(visit, site, ct) : [];
            result.Add(new VisitProgress(visit.Id, vehicles.GetValueOrDefault(visit.VehicleId, "car"), advisors.GetValueOrDefault(visit.AdvisorStaffId, ""), site.Name, local,
                visit.Status, visit.Readiness is PartsReadiness.Ready or PartsReadiness.NoParts, visit.PartLines.Count > 0, visit.Readiness == PartsReadiness.AtRisk,
                visit.PartsExpectedBy(), visit.ConfirmedAt is not null,
                booked && visit.ConfirmedAt is null && visit.Date <= DateOnly.FromDateTime(site.ToLocal(now)).AddDays(2),
                visit.PromisedReadyAt is { } ready ? site.ToLocal(ready) : null, newTimes)
            {
                Workshop = billed.TryGetValue(visit.Id, out var bill) ? Mine(visit, site, bill) : null,
            });
        }

        return result;
    }

    private static MyWorkshop Mine(ServiceAppointment visit, Domain.Sites.Site site, ServiceBill bill)
    {
        var photos = visit.Photos.OrderBy(p => p.AddedAt).ToLookup(p => p.FindingNumber, p => p.Id);
        var areas = visit.Inspection.ToDictionary(f => f.Number, f => f.Area);
        var money = (long amount) => new Orders.MoneyView(amount, site.Currency);
        return new MyWorkshop(visit.Stage, visit.PromisedReadyAt is { } ready ? site.ToLocal(ready) : null,
            visit.Inspection.OrderBy(f => f.Rating == InspectionRating.Green).ThenBy(f => f.Number)
                .Select(f => new Workshop.FindingView(f.Number, f.Area, f.Rating, f.Note, photos[f.Number].ToList())).ToList(),
            visit.ExtraWork.OrderByDescending(w => w.Urgency).ThenBy(w => w.FindingNumber).Select(w => new Workshop.ExtraWorkView(w.Id, w.FindingNumber,
                areas.GetValueOrDefault(w.FindingNumber, ""), w.Urgency, w.Title, w.Reason, w.IfYouWait, w.LabourMinutes, money(w.LabourAmount), money(w.PartsAmount),
                money(w.Total), w.Parts.Select(p => $"{p.Description} × {p.Quantity}").ToList(), w.ReadyByIfApproved is { } later ? site.ToLocal(later) : null, w.Status,
                w.ViewedAt, w.AnsweredAt, w.AnsweredVia, w.StartedAt, w.DoneAt, photos[w.FindingNumber].ToList())).ToList(),
            Workshop.WorkshopBills.View(bill, visit), visit.CollectedAt is { } collected ? site.ToLocal(collected) : null);
    }

    /// <summary>Free drop-off times for this visit: the same advisor first, spread over the days (at most three a day).</summary>
    public async Task<IReadOnlyList<VisitSlot>> NewTimesAsync(ServiceAppointment visit, Domain.Sites.Site site, CancellationToken ct) =>
        (await NewTimesAsync([visit], site, ct))[visit.Id];

    /// <summary>
    /// New times for several visits at one site (the lane's visits needing recovery). Overlapping windows share one read
    /// of the bookings, and availability is worked out once per first day and length of visit: visits waiting for the same
    /// delivery share it.
    /// A visit's own booking never counts against it, because its own day is never offered.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<VisitSlot>>> NewTimesAsync(IReadOnlyCollection<ServiceAppointment> visits, Domain.Sites.Site site, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(site);
        var today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
        var calendar = new WorkingDays(site.OpenDays);
        var windows = visits.DistinctBy(v => v.Id).ToDictionary(v => v.Id, v =>
        {
            var from = today.AddDays(1);
            if (v.Readiness == PartsReadiness.AtRisk && v.PartsExpectedBy() is { } eta && calendar.Add(eta, 1) > from)
            {
                // After the parts can be on the shelf, with the working day to check them.
                from = calendar.Add(eta, 1);
            }

            return (From: from, v.LabourMinutes);
        });
        var availability = await capacity.AvailabilityAsync(site, windows.Values.ToList(), 20, ct);
        var result = new Dictionary<Guid, IReadOnlyList<VisitSlot>>();
        foreach (var visit in visits)
        {
            result[visit.Id] = availability[windows[visit.Id]].Where(d => d.Open && d.Date != visit.Date)
                .Select(d => (d.Advisors.FirstOrDefault(a => a.StaffId == visit.AdvisorStaffId && a.Slots.Count > 0) ?? d.Advisors.FirstOrDefault(a => a.Slots.Count > 0))?.Slots
                    .Where((_, i) => i % 4 == 0).Take(3) ?? [])
                .SelectMany(s => s).Take(MaxNewTimes)
                .Select(s => new VisitSlot(s, site.ToLocal(s))).ToList();
        }

        return result;
    }
}
