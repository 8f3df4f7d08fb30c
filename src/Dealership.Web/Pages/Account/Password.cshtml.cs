using Dealership.Application.Data;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Account;

/// <summary>
/// Change your own password (the only page open after a manager's reset). Changing it ends every other
/// session of the account; this browser is signed in again with the new stamp so the person carries on.
/// </summary>
public sealed class PasswordModel(IMediator mediator, CurrentStaff me, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, FormSubmissions submissions)
    : StaffFormPage(submissions)
{
    public bool MustChange { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        if (!string.Equals(newPassword, confirmPassword, StringComparison.Ordinal))
        {
            return await ShowAsync(ct, "The new password and its confirmation differ; type the same one twice.");
        }

        return await SubmitAsync(async () =>
        {
            await mediator.Send(new ChangeMyPassword.Command(currentPassword ?? "", newPassword ?? ""), ct);
            if (await users.FindByIdAsync(((Dealership.Application.Common.ICurrentStaff)me).RequireStaffId().ToString()) is { } user)
            {
                await signIn.SignInAsync(user, isPersistent: false);
            }
        }, "Password changed. You are signed out everywhere else; carry on from the menu above.", "/account/password", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct) =>
        MustChange = await users.FindByIdAsync(((Dealership.Application.Common.ICurrentStaff)me).RequireStaffId().ToString()) is { MustChangePassword: true };
}
