using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>What one no-show sweep did.</summary>
public sealed record NoShowReport(int MarkedNoShow, int PartLinesReleased);

/// <summary>
/// A booked visit not checked in by the time its site closes that day is a no-show: its labour goes back to
/// the day, its reserved parts go back on the shelf, and the customer gets a kind message with their link to
/// book again (a subscriber writes it in the same transaction). Runs hourly; a visit is marked once, so a
/// second run finds nothing.
/// </summary>
public sealed class NoShowSweep(DealershipDbContext db, UnitOfWork unit, WorkshopCapacity capacity, TimeProvider clock)
{
    private const int BatchSize = 100;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    public async Task<NoShowReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.AsNoTracking().ToListAsync(cancellationToken);
        int marked = 0, released = 0;
        foreach (var site in sites)
        {
            var local = site.ToLocal(now);
            var today = DateOnly.FromDateTime(local);
            var closed = site.HoursOn(local.DayOfWeek) is not { } hours || TimeOnly.FromDateTime(local) >= hours.Closes;
            var lastDay = closed ? today : today.AddDays(-1);
            while (true)
            {
                var batch = await db.Appointments.AsSplitQuery()
                    .Where(a => a.SiteId == site.Id && a.Status == AppointmentStatus.Booked && a.Date <= lastDay)
                    .OrderBy(a => a.Date).ThenBy(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                await unit.ExecuteAsync(async () =>
                {
                    var lines = new List<AppointmentPartLine>();
                    foreach (var visit in batch)
                    {
                        lines.AddRange(visit.MarkNoShow(now));
                        await capacity.ReleaseAsync(visit.SiteId, visit.Date, visit.LabourMinutes, cancellationToken);
                    }

                    var partIds = lines.Select(l => l.PartId).Distinct().ToList();
                    var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
                    foreach (var line in lines)
                    {
                        parts[line.PartId].Release(line.Quantity);
                    }

                    released += lines.Count;
                    return true;
                }, cancellationToken);
                marked += batch.Count;
                db.ChangeTracker.Clear();
            }
        }

        return new NoShowReport(marked, released);
    }
}
