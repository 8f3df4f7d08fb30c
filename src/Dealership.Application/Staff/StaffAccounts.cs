using Dealership.Application.Common;
using Dealership.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Staff;

/// <summary>
/// What every act on someone else's account shares: a manager reaches only people who work at one of their
/// own sites (anyone else is "not found", as with every other record), at the version they last saw, and the
/// answer shows the account as it now is.
/// </summary>
public static class StaffAccounts
{
    public static async Task<StaffUser> ForChangeAsync(DealershipDbContext db, ICurrentStaff staff, Guid staffId, long? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        var mine = staff.SiteIds.ToList();
        var user = await db.Users.Include(u => u.Sites)
            .FirstOrDefaultAsync(u => u.Id == staffId && u.Sites.Any(s => mine.Contains(s.SiteId)), ct)
            ?? throw new NotFoundException("Staff member", staffId);
        if (expectedVersion is { } expected && expected != user.Version)
        {
            throw new PreconditionFailedException("Staff member", expected, user.Version);
        }

        return user;
    }

    public static async Task<StaffView> ViewAsync(UserManager<StaffUser> users, StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(user);
        var roles = await users.GetRolesAsync(user);
        return new StaffView(user.Id, user.Email ?? "", user.DisplayName, roles.Order().ToList(), user.Sites.Select(s => s.SiteId).ToList(), user.PrimarySiteId, user.IsActive)
        {
            MustChangePassword = user.MustChangePassword,
            PhoneNumber = user.PhoneNumber,
            Version = user.Version,
        };
    }

    /// <summary>Identity's refusals (a weak password, a taken email) as field errors the form or the API shows.</summary>
    public static void Check(IdentityResult result, string field)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new FluentValidation.ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(field, e.Description)));
        }
    }
}
