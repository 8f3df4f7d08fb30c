using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Data;

/// <summary>The active managers who should hear about something: those of one site, or the whole group's.</summary>
public static class ActiveManagers
{
    public static Task<List<Guid>> IdsAsync(DealershipDbContext db, Guid? siteId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var managers = db.UserRoles.Join(db.Roles.Where(r => r.Name == StaffRoles.Manager), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.IsActive), id => id, u => u.Id, (id, _) => id);
        if (siteId is { } site)
        {
            managers = managers.Where(id => db.StaffSites.Any(s => s.StaffUserId == id && s.SiteId == site));
        }

        return managers.Distinct().ToListAsync(ct);
    }
}
