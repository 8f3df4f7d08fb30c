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

    /// <summary>
    /// True when the host itself acts: a recurring job, start-up, or a webhook whose signature was verified.
    /// Never true for an HTTP request on its own, signed in or not.
    /// </summary>
    bool IsSystem { get; }

    Guid RequireStaffId() => StaffId ?? throw new ForbiddenException("This action needs a signed-in staff member.");
}
