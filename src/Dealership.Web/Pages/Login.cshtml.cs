using Dealership.Application.Data;
using Dealership.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Dealership.Web.Pages;

[EnableRateLimiting(AuthenticationSetup.SignInRateLimit)]
public sealed class LoginModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, Security.SignInThrottle throttle, IWebHostEnvironment environment) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public bool ShowDemoAccounts => environment.IsDevelopment();

    public void OnGet(bool busy = false)
    {
        if (busy)
        {
            ErrorMessage = "Many people signed in from this address in the last minute. Wait a minute, then sign in again.";
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrWhiteSpace(Password))
        {
            ErrorMessage = "Enter both your email and your password.";
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || !user.IsActive)
        {
            ErrorMessage = Security.SessionStamp.FailedSignIn;
            return Page();
        }

        // Locked, unknown or wrong: one answer, so the page never tells an outsider which emails are staff accounts.
        if (!await throttle.CheckAsync(users, user, Password, HttpContext))
        {
            ErrorMessage = Security.SessionStamp.FailedSignIn;
            return Page();
        }

        await signIn.SignInAsync(user, isPersistent: false);

        Response.Cookies.Delete(CurrentStaffMiddleware.SiteCookie);
        if (user.MustChangePassword)
        {
            return LocalRedirect(CurrentStaffMiddleware.ChangePasswordPage);
        }

        if (Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/")
        {
            return LocalRedirect(ReturnUrl!);
        }

        // Each role starts where its work is: salespeople on the deliveries board, advisors in the service
        // lane, parts clerks on the parts page, used-car managers on the appraisal queue, technicians on the workshop board; managers on the journey dashboard (how customers are doing, in pictures).
        var home = await users.IsInRoleAsync(user, StaffRoles.Manager) ? "/analytics"
            : await users.IsInRoleAsync(user, StaffRoles.Salesperson) ? "/deliveries"
            : await users.IsInRoleAsync(user, StaffRoles.ServiceAdvisor) ? "/service"
            : await users.IsInRoleAsync(user, StaffRoles.PartsClerk) ? "/parts"
            : await users.IsInRoleAsync(user, StaffRoles.UsedCarManager) ? "/trade-ins"
            : await users.IsInRoleAsync(user, StaffRoles.Technician) ? "/workshop"
            : "/";
        return LocalRedirect(home);
    }
}
