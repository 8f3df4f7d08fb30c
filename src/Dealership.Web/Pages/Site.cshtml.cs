using Dealership.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages;

/// <summary>The site switcher: remembers the chosen site in a cookie (only sites the person works at).</summary>
public sealed class SiteModel(CurrentStaff staff) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(Guid siteId, string? returnUrl)
    {
        if (staff.SiteIds.Contains(siteId))
        {
            Response.Cookies.Append(CurrentStaffMiddleware.SiteCookie, siteId.ToString(), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(90),
            });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
