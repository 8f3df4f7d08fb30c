using System.Security.Claims;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Security;

/// <summary>
/// The signed-in staff member and the site this request acts at; filled in by <see cref="CurrentStaffMiddleware"/>.
/// Outside an HTTP request (Hangfire jobs, start-up) the host itself is acting; inside one, only a door that has
/// verified its caller in another way (a signed webhook) may say so with <see cref="ActAsSystem"/>.
/// </summary>
public sealed class CurrentStaff(IHttpContextAccessor http) : ICurrentStaff
{
    private ClaimsPrincipal _user = new();
    private bool _verifiedSystemCaller;

    public Guid? StaffId { get; private set; }

    public Guid SiteId { get; private set; }

    public IReadOnlyCollection<Guid> SiteIds { get; private set; } = [];

    public string DisplayName { get; private set; } = "";

    public bool IsInRole(string role) => _user.IsInRole(role);

    public bool IsSystem => _verifiedSystemCaller || http.HttpContext is null;

    /// <summary>Called by a door that verified its caller (Twilio's signature) before it sends a system command.</summary>
    public void ActAsSystem() => _verifiedSystemCaller = true;

    internal void Set(ClaimsPrincipal user, Guid staffId, string displayName, IReadOnlyCollection<Guid> siteIds, Guid siteId)
    {
        _user = user;
        StaffId = staffId;
        DisplayName = displayName;
        SiteIds = siteIds;
        SiteId = siteId;
    }

    public static Guid? ReadStaffId(ClaimsPrincipal user)
    {
        var value = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        return Guid.TryParse(value, out var id) ? id : null;
    }
}

/// <summary>
/// Runs after authentication: loads the staff member's sites (one small query per request) and picks the
/// current site from the X-Site-Id header (API), the site-switcher cookie (web UI), or their primary site.
/// A site header naming a site the person does not work at is refused with 403; a deactivated account,
/// or a cookie or token from before a sign-out or password change (another security stamp), is treated as signed out.
/// </summary>
public sealed class CurrentStaffMiddleware(RequestDelegate next)
{
    public const string SiteHeader = "X-Site-Id";
    public const string SiteCookie = "dealership-site";

    public const string ChangePasswordPage = "/account/password";

    private static bool MayUseBeforeChangingPassword(PathString path) =>
        path.StartsWithSegments(ChangePasswordPage) || path.StartsWithSegments("/api/staff/me/password") || path.StartsWithSegments("/logout")
        || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.svg");

    /// <summary>What every signed-in request checks about its staff member.</summary>
    private sealed record StaffAccess(string DisplayName, Guid PrimarySiteId, bool IsActive, string? SecurityStamp, bool MustChangePassword, List<Guid> Sites);

    // Compiled once: this runs on every signed-in request, and EF's per-call work (reading the query's closure, hashing
    // its expression to find the cached plan) is paid on every call otherwise (issue #14).
    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<StaffAccess?>> StaffAccessOf =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid staffId, CancellationToken _) => db.Users.AsNoTracking()
            .Where(u => u.Id == staffId)
            .Select(u => new StaffAccess(u.DisplayName, u.PrimarySiteId, u.IsActive, u.SecurityStamp, u.MustChangePassword, u.Sites.Select(s => s.SiteId).ToList()))
            .FirstOrDefault());

    public async Task InvokeAsync(HttpContext context, CurrentStaff current, DealershipDbContext db, StaffNames staffNames)
    {
        if (context.User.Identity?.IsAuthenticated == true && CurrentStaff.ReadStaffId(context.User) is { } staffId)
        {
            var staff = await StaffAccessOf(db, staffId, context.RequestAborted);
            if (staff is null || !staff.IsActive || staff.Sites.Count == 0 || (context.User.FindFirstValue(SessionStamp.ClaimType) ?? "") != (staff.SecurityStamp ?? ""))
            {
                // Resolved only here: building the sign-in manager (and its user manager) cost every request a
                // hundredth of its CPU under the journey's load (session 17).
                await context.RequestServices.GetRequiredService<SignInManager<StaffUser>>().SignOutAsync();
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                var siteId = staff.Sites.Contains(staff.PrimarySiteId) ? staff.PrimarySiteId : staff.Sites[0];
                if (context.Request.Headers.TryGetValue(SiteHeader, out var header) && !string.IsNullOrEmpty(header))
                {
                    if (!Guid.TryParse(header, out var requested) || !staff.Sites.Contains(requested))
                    {
                        await Results.Problem(
                            statusCode: StatusCodes.Status403Forbidden,
                            title: "Site not allowed",
                            detail: $"You do not work at site '{header}'. Use one of your sites (GET /api/sites) or leave out the {SiteHeader} header to use your primary site.")
                            .ExecuteAsync(context);
                        return;
                    }

                    siteId = requested;
                }
                else if (context.Request.Cookies.TryGetValue(SiteCookie, out var cookie) && Guid.TryParse(cookie, out var chosen) && staff.Sites.Contains(chosen))
                {
                    siteId = chosen;
                }

                current.Set(context.User, staffId, staff.DisplayName, staff.Sites, siteId);
                // The request's views and messages name the person acting (an order's owner recording its milestone) without asking again.
                staffNames.Remember(staffId, staff.DisplayName);
                if (staff.MustChangePassword && !MayUseBeforeChangingPassword(context.Request.Path))
                {
                    // A manager reset the password: the temporary one opens only the page that replaces it.
                    if (Api.ProblemExceptionHandler.IsApiRequest(context.Request))
                    {
                        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Choose your own password first",
                            detail: "A manager gave you a temporary password. Set your own with POST /api/staff/me/password, then sign in again.").ExecuteAsync(context);
                    }
                    else
                    {
                        context.Response.Redirect(ChangePasswordPage);
                    }

                    return;
                }
            }
        }

        await next(context);
    }
}
