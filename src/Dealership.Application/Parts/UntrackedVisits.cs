using System.Globalization;
using Dealership.Application.Data;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>
/// The visits a planning run reads for itself, and how it writes back what its rules changed in them. At group scale
/// a run reads 10,000 visits with 30,000 part lines: tracking them cost more than the planning (EF's scan for changes
/// over every visit and line, then marking the hand-written rows saved again, about 3.4 s of a 6.8 s run; issue #14).
/// So they are read without tracking, as the columns planning needs and their part lines
/// (<see cref="ServiceAppointment.ForPartsPlanning"/>), the domain's own methods change them in memory as before, and the run writes
/// the differences from what it read: one UPDATE per outcome for the lines, and one per outcome and version read for
/// the visits (500 ids at most each), checking that version. A visit someone changed meanwhile fails the whole unit
/// with a conflict, as an EF save would, on every provider (a job's retry then plans again). A visit the context
/// already tracks (the caller's, or one an earlier step of the run loaded) is that tracked copy instead, left to EF's
/// save, so nobody holds two copies of one visit.
/// </summary>
internal sealed class UntrackedVisits(DealershipDbContext db)
{
    private readonly Dictionary<ServiceAppointment, AsRead> _read = new(ReferenceEqualityComparer.Instance);

    // A visit two of the run's queries both return (the sites' days differ) is one copy.
    private readonly Dictionary<Guid, ServiceAppointment> _byId = [];

    private sealed record AsRead(long Version, PartsReadiness Readiness, DateTime? AtRiskSince, bool WaitedForParts, Dictionary<int, LineAsRead> Lines);

    private sealed record LineAsRead(PartLineState State, Guid? PartsOrderId, DateOnly? Eta);

    public async Task<List<ServiceAppointment>> ReadAsync(IQueryable<ServiceAppointment> query, CancellationToken ct)
    {
        var tracked = db.Tracked<ServiceAppointment>().ToDictionary(v => v.Id);
        var visits = new List<ServiceAppointment>();

        // The columns planning reads and the lines, not whole visits: EF materialising every owned collection of 10,000
        // visits took 0.86 s of a run whose SQL returned in 0.12 s (issue #14). Two flat queries, the lines matched to
        // their visits here: a projected collection, which EF correlates row by row, still cost about 0.4 s more.
        // A visit's lines are put in the order of their keys (the order they were added), which is the order they are served from stock.
        var rows = await query.AsNoTracking().Select(a => new
        {
            a.Id, a.Version, a.SiteId, a.CustomerId, a.VehicleId, a.AdvisorStaffId, a.StartsAt, a.Date, a.CreatedAt, a.Status,
            a.Readiness, a.WaitedForParts, a.AtRiskSince,
        }).ToListAsync(ct);
        var lines = (await query.AsNoTracking().SelectMany(a => a.PartLines, (a, l) => new
            {
                AppointmentId = a.Id, l.Id, l.PartId, l.PartNumber, l.Description, l.Quantity, l.State, l.ExtraWorkId, l.PartsOrderId, l.Eta,
            }).ToListAsync(ct))
            .ToLookup(l => l.AppointmentId);
        foreach (var row in rows)
        {
            // Read before by this run first: that copy is the one being changed, whatever the context tracks since.
            if (_byId.TryGetValue(row.Id, out var known))
            {
                visits.Add(known);
                continue;
            }

            if (tracked.TryGetValue(row.Id, out var held))
            {
                visits.Add(held);
                continue;
            }

            var visit = ServiceAppointment.ForPartsPlanning(row.Id, row.Version, row.SiteId, row.CustomerId, row.VehicleId, row.AdvisorStaffId, row.StartsAt,
                row.Date, row.CreatedAt, row.Status, row.Readiness, row.WaitedForParts, row.AtRiskSince,
                lines[row.Id].OrderBy(l => l.Id).Select(l => AppointmentPartLine.AsStored(l.Id, l.PartId, l.PartNumber, l.Description, l.Quantity, l.State, l.ExtraWorkId, l.PartsOrderId, l.Eta)));
            _byId[visit.Id] = visit;
            _read[visit] = new AsRead(visit.Version, visit.Readiness, visit.AtRiskSince, visit.WaitedForParts,
                visit.PartLines.ToDictionary(l => l.Id, l => new LineAsRead(l.State, l.PartsOrderId, l.Eta)));
            visits.Add(visit);
        }

        return visits;
    }

    /// <summary>Writes what the run changed in the visits it read itself, inside the caller's transaction.</summary>
    public async Task WriteChangesAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Planned visits are written inside a unit of work: alone, each statement would commit on its own.");
        }

        // Events are handed out from tracked aggregates only: one raised on a copy read here would be lost without a word.
        if (_read.Keys.FirstOrDefault(v => v.DomainEvents.Count > 0) is { } raising)
        {
            throw new InvalidOperationException($"Visit {raising.Id} raised {raising.DomainEvents[0].GetType().Name} while planned untracked; track it, or hand the event out.");
        }

        var changed = _read.Where(r => Changed(r.Key, r.Value)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await WriteLinesAsync(changed.SelectMany(r => r.Key.PartLines.Where(l => r.Value.Lines.GetValueOrDefault(l.Id) != new LineAsRead(l.State, l.PartsOrderId, l.Eta))).ToList(), ct);
        await WriteVisitsAsync(changed, ct);
    }

    private static bool Changed(ServiceAppointment visit, AsRead asRead) =>
        visit.Readiness != asRead.Readiness || visit.AtRiskSince != asRead.AtRiskSince || visit.WaitedForParts != asRead.WaitedForParts ||
        visit.PartLines.Any(l => asRead.Lines.GetValueOrDefault(l.Id) != new LineAsRead(l.State, l.PartsOrderId, l.Eta));

    /// <summary>The lines' new states: one UPDATE per outcome (reserved; ordered on one order for one date; no supplier) and up to 500 lines.</summary>
    private async Task WriteLinesAsync(IReadOnlyList<AppointmentPartLine> lines, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(ServiceAppointment))!.FindNavigation(nameof(ServiceAppointment.PartLines))!.TargetEntityType;
        string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName()}\"";
        foreach (var outcome in lines.GroupBy(l => (l.State, l.PartsOrderId, l.Eta)))
        {
            // A missing order or date is written as NULL in the text: a null parameter has no type to map.
            var values = new List<object> { outcome.Key.State.ToString() };
            var set = $"{Column(nameof(AppointmentPartLine.State))} = {{0}}, {Column(nameof(AppointmentPartLine.PartsOrderId))} = {Parameter(values, outcome.Key.PartsOrderId)}, " +
                      $"{Column(nameof(AppointmentPartLine.Eta))} = {Parameter(values, outcome.Key.Eta)}";
            foreach (var chunk in outcome.Chunk(500))
            {
                // The ids are the lines' integer keys, formatted here: nothing from outside reaches the SQL text.
                var ids = string.Join(",", chunk.Select(l => l.Id.ToString(CultureInfo.InvariantCulture)));
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync($"UPDATE \"{type.GetTableName()}\" SET {set} WHERE {Column(nameof(AppointmentPartLine.Id))} IN ({ids})", values, ct);
#pragma warning restore EF1002
            }
        }
    }

    /// <summary>
    /// The visits' readiness and a new version: one UPDATE per outcome and version read, which must find every visit
    /// still at that version. One that moved on since the run read it means someone else changed it: the unit fails.
    /// </summary>
    private async Task WriteVisitsAsync(IReadOnlyList<KeyValuePair<ServiceAppointment, AsRead>> visits, CancellationToken ct)
    {
        var type = db.Model.FindEntityType(typeof(ServiceAppointment))!;
        string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName()}\"";
        var version = Column(nameof(ServiceAppointment.Version));
        foreach (var outcome in visits.GroupBy(v => (v.Key.Readiness, v.Key.AtRiskSince, v.Key.WaitedForParts, v.Value.Version)))
        {
            var values = new List<object> { outcome.Key.Readiness.ToString(), outcome.Key.WaitedForParts, outcome.Key.Version };
            var set = $"{Column(nameof(ServiceAppointment.Readiness))} = {{0}}, {Column(nameof(ServiceAppointment.WaitedForParts))} = {{1}}, " +
                      $"{Column(nameof(ServiceAppointment.AtRiskSince))} = {Parameter(values, outcome.Key.AtRiskSince)}, {version} = {version} + 1";
            foreach (var chunk in outcome.Chunk(500))
            {
                // Guids formatted here as each provider reads a literal (SQLite stores them upper-case): nothing from outside reaches the SQL text.
                var ids = string.Join(",", chunk.Select(v => $"'{v.Key.Id.ToString().ToUpperInvariant()}'"));
#pragma warning disable EF1002
                var written = await db.Database.ExecuteSqlRawAsync(
                    $"UPDATE \"{type.GetTableName()}\" SET {set} WHERE {Column(nameof(ServiceAppointment.Id))} IN ({ids}) AND {version} = {{2}}", values, ct);
#pragma warning restore EF1002
                if (written != chunk.Length)
                {
                    throw new DbUpdateConcurrencyException("A visit changed while its parts were being planned; the run is rolled back.");
                }
            }
        }
    }

    /// <summary>A value as the next parameter's placeholder, or NULL in the text.</summary>
    private static string Parameter(List<object> values, object? value)
    {
        if (value is null)
        {
            return "NULL";
        }

        values.Add(value);
        return $"{{{values.Count - 1}}}";
    }
}
