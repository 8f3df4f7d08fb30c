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
/// It reads set-based (a fixed number of queries whatever the number of appointments) and, in the caller's
/// transaction, writes the lines' states (and on SQLite the visits' readiness) with one UPDATE per outcome. Re-running it finds nothing left to do: every line
/// records its state, so nothing is reserved or ordered twice.
/// </summary>
public sealed class PartsPlanner(DealershipDbContext db, ServiceNotices notices, WaitingVisits waitingVisits, IOptions<PartsPlanningOptions> options, TimeProvider clock)
{
    public async Task<PlanningReport> PlanAsync(Guid? onlyAppointment, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Visits the caller already holds are never let go at the end: it may go on to change them.
        var trackedBefore = db.Tracked<ServiceAppointment>().Select(v => v.Id).ToHashSet();
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

        var candidates = (await query.AsSplitQuery().ToListAsync(ct))
            .Where(a => a.Date <= todayBySite[a.SiteId].AddDays(options.Value.HorizonDays))
            .OrderBy(a => a.StartsAt).ThenBy(a => a.CreatedAt).ToList();

        // 2. Appointments moved beyond the horizon keep nothing on the shelf.
        var beyondQuery = db.Appointments.Where(a => a.Status == AppointmentStatus.Booked && a.Date > earliest.AddDays(options.Value.HorizonDays) &&
            a.PartLines.Any(l => l.State == PartLineState.Reserved));
        if (onlyAppointment is { } only)
        {
            beyondQuery = beyondQuery.Where(a => a.Id == only);
        }

        var beyond = (await beyondQuery.AsSplitQuery().ToListAsync(ct))
            .Where(a => a.Date > todayBySite[a.SiteId].AddDays(options.Value.HorizonDays)).ToList();

        var partIds = candidates.Concat(beyond).SelectMany(a => a.PartLines).Select(l => l.PartId).Distinct().ToList();
        if (partIds.Count == 0)
        {
            var released = await SendAutomaticAsync(openDrafts.Union(drafts.Values), sites, now, ct);
            await FinishAsync(candidates, calendars, now, ct);
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
        await WriteLineStatesAsync(trackedBefore, ct);
        return new PlanningReport(candidates.Count, reserved, ordered, created, sent, atRisk, unreserved);
    }

    /// <summary>
    /// The lines' new states, written set-based: one UPDATE per outcome (reserved; ordered on an order for a date;
    /// no supplier) and up to 500 lines, instead of one statement per line (30,000 lines took seconds that way).
    /// It runs in the caller's transaction; the lines' visits are saved with a new version as before, so a writer
    /// holding an older copy of a visit still gets a conflict, and the whole unit rolls back with it.
    /// </summary>
    private async Task WriteLineStatesAsync(IReadOnlySet<Guid> trackedBefore, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction these statements would commit on their own before the rest is saved: leave it all to EF.
            return;
        }

        // One scan for changes, then none: every later step reads or sets states itself, and each automatic scan
        // walked every tracked visit and line again (about half a second each at 10,000 visits).
        db.ChangeTracker.DetectChanges();
        await db.WithoutScanningAsync(async () =>
        {
            await WriteChangedLinesAsync(ct);
            LetGoOfSettledVisits(trackedBefore);
        });
    }

    /// <summary>
    /// Visits this run read and left as they were, or whose changes were written above, have nothing left to save: they
    /// are let go, so the rest of the unit (the save, its scans for changes and versions) walks only what it will
    /// write. A visit with an event still to hand out, or anything in it still to save, stays, and so does any visit the
    /// caller had read before the run (it may still change it). A caller that reads a visit after the run gets what the
    /// planner wrote.
    /// </summary>
    private void LetGoOfSettledVisits(IReadOnlySet<Guid> trackedBefore)
    {
        foreach (var visit in db.ChangeTracker.Entries<ServiceAppointment>()
                     .Where(e => e.State == EntityState.Unchanged && e.Entity.DomainEvents.Count == 0 && !trackedBefore.Contains(e.Entity.Id)).ToList())
        {
            var tree = Descendants(visit).ToList();
            if (tree.Any(entry => entry.State != EntityState.Unchanged))
            {
                continue;
            }

            tree.ForEach(entry => entry.State = EntityState.Detached);
            visit.State = EntityState.Detached;
        }
    }

    /// <summary>Everything a visit holds, however deep (an extra job's parts as well as the visit's own lines).</summary>
    private IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> Descendants(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        foreach (var child in entry.Collections.SelectMany(c => c.CurrentValue?.Cast<object>() ?? []).Select(db.Entry))
        {
            yield return child;
            foreach (var grandchild in Descendants(child))
            {
                yield return grandchild;
            }
        }
    }

    private async Task WriteChangedLinesAsync(CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<AppointmentPartLine>().Where(e => e.State == EntityState.Modified).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var table = changed[0].Metadata.GetTableName();
        string Column(string property) => changed[0].Metadata.FindProperty(property)!.GetColumnName();
        foreach (var outcome in changed.GroupBy(e => (e.Entity.State, e.Entity.PartsOrderId, e.Entity.Eta)))
        {
            // A missing order or date is written as NULL in the text: a null parameter has no type to map.
            var values = new List<object> { outcome.Key.State.ToString() };
            string Value(object? value)
            {
                if (value is null)
                {
                    return "NULL";
                }

                values.Add(value);
                return $"{{{values.Count - 1}}}";
            }

            var set = $"\"{Column(nameof(AppointmentPartLine.State))}\" = {{0}}, \"{Column(nameof(AppointmentPartLine.PartsOrderId))}\" = {Value(outcome.Key.PartsOrderId)}, " +
                      $"\"{Column(nameof(AppointmentPartLine.Eta))}\" = {Value(outcome.Key.Eta)}";
            foreach (var chunk in outcome.Chunk(500))
            {
                // The ids are the lines' integer keys, formatted here: nothing from outside reaches the SQL text.
                var ids = string.Join(",", chunk.Select(e => Convert.ToInt64(e.Property("Id").CurrentValue, CultureInfo.InvariantCulture)));
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET {set} WHERE \"{Column("Id")}\" IN ({ids})", values, ct);
#pragma warning restore EF1002
            }
        }

        foreach (var line in changed)
        {
            Written(line);
        }

        // Written above, not by EF: make sure each visit is still saved (and versioned) as changed.
        var written = changed.Select(e => e.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var visit in db.ChangeTracker.Entries<ServiceAppointment>().Where(e => e.State == EntityState.Unchanged &&
                     e.Entity.PartLines.Any(written.Contains)).ToList())
        {
            visit.State = EntityState.Modified;
        }

        await WriteVisitReadinessAsync(ct);
    }

    /// <summary>
    /// What was written by hand is what the database now holds: the current values become the original ones (setting
    /// the state alone keeps the old originals, and the next scan for changes would write the row again, with a stale version).
    /// </summary>
    private static void Written(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        entry.OriginalValues.SetValues(entry.CurrentValues);
        entry.State = EntityState.Unchanged;
    }

    /// <summary>
    /// On SQLite, the visits' new readiness too, one UPDATE per outcome instead of one per visit. Safe without each
    /// row's version in the WHERE because a SQLite unit holds the write lock from its first statement (BEGIN
    /// IMMEDIATE), before the visits were read: nobody can have changed them since. Server databases let other
    /// writers in between, so there EF writes each visit with its version check, as everywhere else.
    /// </summary>
    private async Task WriteVisitReadinessAsync(CancellationToken ct)
    {
        if (!db.OnSqlite || db.Database.CurrentTransaction is null)
        {
            return;
        }

        string[] readiness = [nameof(ServiceAppointment.Readiness), nameof(ServiceAppointment.AtRiskSince), nameof(ServiceAppointment.WaitedForParts), nameof(ServiceAppointment.Version)];
        var visits = db.ChangeTracker.Entries<ServiceAppointment>()
            .Where(e => e.State == EntityState.Modified && e.Properties.Where(p => p.IsModified).All(p => readiness.Contains(p.Metadata.Name))
                        && Descendants(e).All(child => child.State == EntityState.Unchanged))
            .ToList();
        if (visits.Count == 0)
        {
            return;
        }

        var table = visits[0].Metadata.GetTableName();
        string Column(string property) => visits[0].Metadata.FindProperty(property)!.GetColumnName();
        foreach (var outcome in visits.GroupBy(e => (e.Entity.Readiness, e.Entity.AtRiskSince, e.Entity.WaitedForParts)))
        {
            var values = new List<object> { outcome.Key.Readiness.ToString(), outcome.Key.WaitedForParts };
            var atRiskSince = "NULL";
            if (outcome.Key.AtRiskSince is { } since)
            {
                values.Add(since);
                atRiskSince = "{2}";
            }

            var set = $"\"{Column(nameof(ServiceAppointment.Readiness))}\" = {{0}}, \"{Column(nameof(ServiceAppointment.WaitedForParts))}\" = {{1}}, " +
                      $"\"{Column(nameof(ServiceAppointment.AtRiskSince))}\" = {atRiskSince}, \"{Column(nameof(ServiceAppointment.Version))}\" = \"{Column(nameof(ServiceAppointment.Version))}\" + 1";
            foreach (var chunk in outcome.Chunk(500))
            {
                // Guids formatted here, as SQLite stores them: nothing from outside reaches the SQL text.
                var ids = string.Join(",", chunk.Select(e => $"'{e.Entity.Id.ToString().ToUpperInvariant()}'"));
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET {set} WHERE \"{Column(nameof(ServiceAppointment.Id))}\" IN ({ids})", values, ct);
#pragma warning restore EF1002
            }
        }

        foreach (var visit in visits)
        {
            visit.Entity.RecordChange();
            Written(visit);
            visit.Entity.MarkSaved();
        }
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
