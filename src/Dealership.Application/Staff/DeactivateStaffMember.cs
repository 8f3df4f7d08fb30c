using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Dealership.Application.Staff;

/// <summary>
/// Someone leaves: the account stops signing in and every session it has ends at once (the security stamp
/// changes). Nothing they did is removed; their name stays on the history. Customers' replies no longer
/// route to them (the conversation router skips inactive owners). A manager cannot deactivate themselves.
/// </summary>
public static class DeactivateStaffMember
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid StaffId, long? ExpectedVersion = null) : ICommand<StaffView>;

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            if (command.StaffId == staff.StaffId)
            {
                throw new DomainRuleException("You cannot deactivate your own account; ask another manager.", "own-account");
            }

            var user = await StaffAccounts.ForChangeAsync(db, staff, command.StaffId, command.ExpectedVersion, cancellationToken);
            if (user.IsActive)
            {
                user.IsActive = false;
                user.TextApprovals = false;
                user.Version++;
                StaffAccounts.Check(await users.UpdateSecurityStampAsync(user), "staffId");
            }

            return await StaffAccounts.ViewAsync(users, user);
        }
    }
}

/// <summary>Someone comes back: the account signs in again with its old roles and sites (a manager may reset the password too).</summary>
public static class ReactivateStaffMember
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid StaffId, long? ExpectedVersion = null) : ICommand<StaffView>;

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await StaffAccounts.ForChangeAsync(db, staff, command.StaffId, command.ExpectedVersion, cancellationToken);
            if (!user.IsActive)
            {
                user.IsActive = true;
                user.Version++;
            }

            return await StaffAccounts.ViewAsync(users, user);
        }
    }
}
