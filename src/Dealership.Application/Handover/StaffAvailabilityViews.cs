using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Handover;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

public sealed record AvailabilityView(Guid StaffId, IReadOnlyList<WorkingHours> Hours, IReadOnlyList<BlockedTime> Blocked);

internal static class StaffAvailabilityAccess
{
    /// <summary>Your own calendar, or (managers) the calendar of someone at one of your sites; anyone else is not found.</summary>
    public static async Task EnsureAsync(DealershipDbContext db, ICurrentStaff staff, Guid staffId, CancellationToken ct)
    {
        if (staffId == staff.StaffId)
        {
            return;
        }

        var sites = staff.SiteIds.ToList();
        var visible = staff.IsInRole(StaffRoles.Manager) && await db.StaffSites.AnyAsync(s => s.StaffUserId == staffId && sites.Contains(s.SiteId), ct);
        if (!visible)
        {
            throw new NotFoundException("Staff member", staffId);
        }
    }
}
