using Dealership.Application.Data;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Workshop;

/// <summary>
/// Work marked "needs attention now" that the customer declined at an earlier visit of the same car: the
/// workshop looks at it again and the reminder mentions it, so a safety item is never silently forgotten.
/// </summary>
public static class DeclinedWork
{
    public static async Task<Dictionary<Guid, List<string>>> ForVehiclesAsync(DealershipDbContext db, IReadOnlyCollection<Guid> vehicleIds, Guid? exceptVisit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (vehicleIds.Count == 0)
        {
            return [];
        }

        // Visits that had such work, newest first, with just those titles (a join SQLite can run, no APPLY).
        var visits = await db.Appointments.AsNoTracking()
            .Where(a => vehicleIds.Contains(a.VehicleId) && a.Id != exceptVisit && a.Status == AppointmentStatus.Collected
                && a.ExtraWork.Any(w => w.Status == ExtraWorkStatus.Declined && w.Urgency == InspectionRating.Now))
            .OrderByDescending(a => a.CollectedAt).Take(200)
            .Select(a => new
            {
                a.VehicleId,
                Titles = a.ExtraWork.Where(w => w.Status == ExtraWorkStatus.Declined && w.Urgency == InspectionRating.Now).Select(w => w.Title).ToList(),
            })
            .ToListAsync(ct);
        return visits.GroupBy(v => v.VehicleId).ToDictionary(g => g.Key, g => g.SelectMany(v => v.Titles).Distinct().Take(3).ToList());
    }
}
