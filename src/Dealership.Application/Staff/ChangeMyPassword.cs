using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Staff;

/// <summary>
/// A person changes their own password (and must, after a manager's reset). Every other session of the account
/// ends, because the security stamp changes; the page that asked signs the person in again.
/// </summary>
public static class ChangeMyPassword
{
    [Allowed(Access.AnyStaff)]
    public sealed record Command(string CurrentPassword, string NewPassword) : ICommand<StaffView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Type your current password (or the temporary one a manager gave you).");
            RuleFor(c => c.NewPassword).NotEmpty().MinimumLength(10).MaximumLength(128).WithMessage("Choose a password of 10 to 128 characters.");
            RuleFor(c => c.NewPassword).NotEqual(c => c.CurrentPassword).WithMessage("Choose a password different from the current one.");
        }
    }

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var id = staff.RequireStaffId();
            var user = await db.Users.Include(u => u.Sites).FirstAsync(u => u.Id == id, cancellationToken);
            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (!changed.Succeeded && changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("currentPassword", "That is not your current password.")]);
            }

            StaffAccounts.Check(changed, "newPassword");
            user.MustChangePassword = false;
            user.Version++;
            StaffAccounts.Check(await users.UpdateAsync(user), "newPassword");
            return await StaffAccounts.ViewAsync(users, user);
        }
    }
}
