using System.Globalization;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Parts;

/// <summary>Settings of the parts pre-ordering job (section Parts:Planning).</summary>
public sealed class PartsPlanningOptions
{
    /// <summary>How far ahead (days) the job reserves and orders parts for booked appointments.</summary>
    public int HorizonDays { get; set; } = 21;
}

/// <summary>What one planning run did.</summary>
public sealed record PlanningReport(int Appointments, int LinesReserved, int LinesOrdered, int OrdersCreated, int OrdersSent, int BecameAtRisk, int LinesReleased);

/// <summary>
/// Story 002's rule, as code: for every booked appointment within the horizon, reserve the parts on the
/// shelf (earliest appointment first); for what is missing, buy from the cheapest supplier that delivers a
/// working day before the visit, now rather than on the last safe day, one order per supplier; when nobody
/// can make it, the appointment is at risk and the advisor and customer hear at once (the customer with new
/// times to pick). Appointments that left the horizon give their reserved units back.
///
/// It reads set-based (a fixed number of queries whatever the number of appointments), reads the visits without
/// tracking them, and writes their lines' states and readiness with one UPDATE per outcome in the caller's transaction
/// (<see cref="UntrackedVisits"/>). Re-running it finds nothing left to do: every line records its state, so nothing is
/// reserved or ordered twice.
/// </summary>
public sealed class PartsPlanner(DealershipDbContext db, ServiceNotices notices, WaitingVisits waitingVisits, IOptions<PartsPlanningOptions> options, TimeProvider clock)
{
    public async Task<PlanningReport> PlanAsync(Guid? onlyAppointment, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Its own writes of the visits would each commit alone, before the orders and stock they depend on.
            throw new InvalidOperationException("The parts planner runs inside a unit of work (RunPartsPlanning).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        if (sites.Count == 0)
        {
            return new PlanningReport(0, 0, 0, 0, 0, 0, 0);
        }

        var todayBySite = sites.Values.ToDictionary(s => s.Id, s => DateOnly.FromDateTime(s.ToLocal(now)));
        var calendars = sites.Values.ToDictionary(s => s.Id, s => new WorkingDays(s.OpenDays));
        var earliest = todayBySite.Values.Min();

        // Drafts still waiting for the clerk's approval arrive later every day they wait: re-date them, and
        // the visits counting on them hear now if that makes them late (not at check-in).
        var openDrafts = await db.PartsOrders.Where(o => o.Status == PartsOrderStatus.Draft).ToListAsync(ct);
        var drafts = openDrafts.GroupBy(o => (o.SiteId, o.SupplierId)).ToDictionary(g => g.Key, g => g.OrderBy(o => o.CreatedAt).First());
        var stale = openDrafts.Where(o => o.Redate(calendars[o.SiteId], todayBySite[o.SiteId])).ToList();
        await waitingVisits.ApplyEtaAsync(stale, now, ct);
        var latest = todayBySite.Values.Max().AddDays(options.Value.HorizonDays);

        // 1. Appointments with work to do: lines not yet planned, or at risk (stock or a supplier may have appeared).
        var query = db.Appointments.Where(a => a.Status == AppointmentStatus.Booked && a.Date >= earliest && a.Date <= latest &&
            (a.Readiness == PartsReadiness.Planning || a.Readiness == PartsReadiness.AtRisk));
        if (onlyAppointment is { } id)
        {
            query = query.Where(a => a.Id == id);
        }

        var untracked = new UntrackedVisits(db);
        var candidates = (await untracked.ReadAsync(query, ct))
            .Where(a => a.Date <= todayBySite[a.SiteId].AddDays(options.Value.HorizonDays))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.CreatedAt).ToList();

        // 2. Appointments moved beyond the horizon keep nothing on the shelf.
        var beyondQuery = db.Appointments.Where(a => a.Status == AppointmentStatus.Booked && a.Date > earliest.AddDays(options.Value.HorizonDays) &&
            a.PartLines.Any(l => l.State == PartLineState.Reserved));
        if (onlyAppointment is { } only)
        {
            beyondQuery = beyondQuery.Where(a => a.Id == only);
        }

        var beyond = (await untracked.ReadAsync(beyondQuery, ct))
            .Where(a => a.Date > todayBySite[a.SiteId].AddDays(options.Value.HorizonDays)).ToList();

        var partIds = candidates.Concat(beyond).SelectMany(a => a.PartLines).Select(l => l.PartId).Distinct().ToList();
        if (partIds.Count == 0)
        {
            var released = await SendAutomaticAsync(openDrafts.Union(drafts.Values), sites, now, ct);
            await FinishAsync(candidates, calendars, now, ct);
            await untracked.WriteChangesAsync(ct);
            return new PlanningReport(candidates.Count, 0, 0, 0, released, 0, 0);
        }

        // 3. The stock rows and their suppliers: one query each (the open drafts to add to were read above).
        var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var supplierIds = parts.Values.SelectMany(p => p.Suppliers).Select(s => s.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        var unreserved = 0;
        foreach (var appointment in beyond)
        {
            foreach (var line in appointment.PartLines.Where(l => l.State == PartLineState.Reserved).ToList())
            {
                parts[line.PartId].Release(appointment.ReleaseLine(line));
                unreserved++;
            }

            appointment.AssessParts(calendars[appointment.SiteId].Before(appointment.Date), now);
        }

        var reserved = 0;
        var ordered = 0;
        var created = 0;
        foreach (var appointment in candidates)
        {
            var calendar = calendars[appointment.SiteId];
            var needBy = calendar.Before(appointment.Date);
            foreach (var line in appointment.PartLines.Where(l => l.State is PartLineState.Needed or PartLineState.NoSupplier).ToList())
            {
                var part = parts[line.PartId];
                if (part.TryReserve(line.Quantity))
                {
                    appointment.ReserveLine(line);
                    reserved++;
                    continue;
                }

                var choice = SupplierChoice.Choose(part.Suppliers.Where(s => suppliers.ContainsKey(s.SupplierId)), todayBySite[appointment.SiteId], needBy, calendar);
                if (choice is null)
                {
                    appointment.MarkLineNoSupplier(line);
                    continue;
                }

                if (!drafts.TryGetValue((appointment.SiteId, choice.SupplierId), out var order))
                {
                    order = new PartsOrder(appointment.SiteId, choice.SupplierId, NewReference(sites[appointment.SiteId], now), now, createdBy: null);
                    db.PartsOrders.Add(order);
                    drafts[(appointment.SiteId, choice.SupplierId)] = order;
                    created++;
                }

                order.AddLine(part, line.Quantity, choice.UnitCost, choice.LeadTimeWorkingDays, choice.Eta);
                appointment.MarkLineOrdered(line, order.Id, choice.Eta);
                ordered++;
            }
        }

        var sent = await SendAutomaticAsync(openDrafts.Union(drafts.Values), sites, now, ct);
        var atRisk = await FinishAsync(candidates, calendars, now, ct);
        await untracked.WriteChangesAsync(ct);
        return new PlanningReport(candidates.Count, reserved, ordered, created, sent, atRisk, unreserved);
    }

    /// <summary>
    /// The supplier's approval rule, the one place it is applied: every open draft of an auto-send supplier
    /// (new this run, or waiting since before the supplier was switched) goes out now; the rest wait for the clerk.
    /// </summary>
    private async Task<int> SendAutomaticAsync(IEnumerable<PartsOrder> openDrafts, Dictionary<Guid, Site> sites, DateTime now, CancellationToken ct)
    {
        var waiting = openDrafts.Where(o => o.Status == PartsOrderStatus.Draft && o.Lines.Count > 0).ToList();
        var supplierIds = waiting.Select(o => o.SupplierId).Distinct().ToList();
        var automatic = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id) && s.AutoSend).ToDictionaryAsync(s => s.Id, ct);
        var sent = 0;
        foreach (var order in waiting.Where(o => automatic.ContainsKey(o.SupplierId)))
        {
            order.Send(null, now);
            db.SupplierEmails.Add(SupplierOrderEmail.For(order, automatic[order.SupplierId], sites[order.SiteId], now));
            sent++;
        }

        return sent;
    }

    /// <summary>Re-assesses each appointment and tells people about the changes, in bulk.</summary>
    private async Task<int> FinishAsync(List<ServiceAppointment> appointments, Dictionary<Guid, WorkingDays> calendars, DateTime now, CancellationToken ct)
    {
        var becameAtRisk = new List<ServiceAppointment>();
        var becameReady = new List<ServiceAppointment>();
        foreach (var appointment in appointments)
        {
            switch (appointment.AssessParts(calendars[appointment.SiteId].Before(appointment.Date), now))
            {
                case ReadinessChange.BecameAtRisk:
                    becameAtRisk.Add(appointment);
                    break;
                case ReadinessChange.BecameReadyAfterWait:
                    becameReady.Add(appointment);
                    break;
            }
        }

        await notices.PartsAtRiskAsync(becameAtRisk, ct);
        await notices.PartsReadyAsync(becameReady, ct);
        return becameAtRisk.Count;
    }

    /// <summary>A reference people can read out on the phone: site, day, and a random suffix (unique index guards it).</summary>
    public static string NewReference(Site site, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(site);
        return string.Create(CultureInfo.InvariantCulture, $"{site.Code}-{now:yyMMdd}-{Guid.NewGuid().ToString("N")[..5].ToUpperInvariant()}");
    }
}
