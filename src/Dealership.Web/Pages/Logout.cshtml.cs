using Dealership.Application.Data;
using Dealership.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages;

/// <summary>Signing out ends the session for real: a new security stamp revokes this cookie and any copy of it (and the person's bearer tokens).</summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        if (CurrentStaff.ReadStaffId(User) is { } staffId && await users.FindByIdAsync(staffId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
