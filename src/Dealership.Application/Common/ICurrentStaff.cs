namespace Dealership.Application.Common;

/// <summary>
/// Who is making the request and at which site. Resolved once per request by the host (from the bearer
/// token or the sign-in cookie, and the X-Site-Id header or site switcher). Jobs use a system identity.
/// </summary>
public interface ICurrentStaff
{
    Guid? StaffId { get; }

    /// <summary>The site this request acts at: always one of <see cref="SiteIds"/>.</summary>
    Guid SiteId { get; }

    IReadOnlyCollection<Guid> SiteIds { get; }

    bool IsInRole(string role);

    Guid RequireStaffId() => StaffId ?? throw new ForbiddenException("This action needs a signed-in staff member.");
}
