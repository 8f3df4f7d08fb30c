using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Dealership.Application.Staff;

/// <summary>
/// Someone forgot their password or is locked out: a manager gives them a temporary one (told in person or by
/// phone, never by the system). Every session of the account ends, and at the next sign-in
/// the person must choose their own password before anything else.
/// </summary>
public static class ResetStaffPassword
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid StaffId, string TemporaryPassword) : ICommand<StaffView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.TemporaryPassword).NotEmpty().MinimumLength(10).MaximumLength(128).WithMessage("Give a temporary password of 10 to 128 characters.");
    }

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await StaffAccounts.ForChangeAsync(db, staff, command.StaffId, expectedVersion: null, cancellationToken);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // Resetting changes the security stamp: every cookie and token of the account stops working.
            StaffAccounts.Check(await users.ResetPasswordAsync(user, token, command.TemporaryPassword), "temporaryPassword");
            user.MustChangePassword = user.Id != staff.StaffId;
            user.Version++;
            return await StaffAccounts.ViewAsync(users, user);
        }
    }
}
