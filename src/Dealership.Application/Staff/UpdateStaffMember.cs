using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Staff;

/// <summary>
/// A manager changes someone's name, roles and sites. They can give or take away only the sites they work at
/// themselves; the person's other sites stay as they are. A manager cannot take the Manager role from
/// themselves (another manager does that), so a site is never left with nobody able to manage it by accident.
/// </summary>
public static class UpdateStaffMember
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid StaffId, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> SiteIds, Guid? PrimarySiteId,
        long? ExpectedVersion = null) : ICommand<StaffView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100).WithName("Name");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the person at least one role.");
            RuleForEach(c => c.Roles).Must(r => StaffRoles.All.Contains(r))
                .WithMessage(c => $"Unknown role. Use one of: {string.Join(", ", StaffRoles.All)}.");
            RuleFor(c => c.SiteIds).NotNull();
        }
    }

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff) : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await StaffAccounts.ForChangeAsync(db, staff, command.StaffId, command.ExpectedVersion, cancellationToken);
            var outside = command.SiteIds.Where(id => !staff.SiteIds.Contains(id)).ToList();
            if (outside.Count > 0)
            {
                throw new ForbiddenException("You can only give access to sites you work at yourself.");
            }

            var roles = command.Roles.Distinct(StringComparer.Ordinal).ToList();
            var current = await users.GetRolesAsync(user);
            if (user.Id == staff.StaffId && current.Contains(StaffRoles.Manager) && !roles.Contains(StaffRoles.Manager))
            {
                throw new DomainRuleException("You cannot take the Manager role from yourself; ask another manager.", "own-manager-role");
            }

            if (user.Id == staff.StaffId && user.Sites.Any(s => staff.SiteIds.Contains(s.SiteId) && !command.SiteIds.Contains(s.SiteId)))
            {
                // They could not give it back (only sites you work at can be given), and the site might be left with no manager.
                throw new DomainRuleException("You cannot take yourself off a site; ask another manager of that site.", "own-site");
            }

            // Sites the manager does not work at are not theirs to change: they stay as they are.
            var kept = user.Sites.Where(s => !staff.SiteIds.Contains(s.SiteId)).Select(s => s.SiteId);
            var sites = kept.Concat(command.SiteIds).Distinct().ToList();
            if (sites.Count == 0)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("siteIds", "Give the person at least one site, or deactivate the account instead.")]);
            }

            var primary = command.PrimarySiteId ?? (sites.Contains(user.PrimarySiteId) ? user.PrimarySiteId : sites[0]);
            if (!sites.Contains(primary))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("primarySiteId", "The primary site must be one of the person's sites.")]);
            }

            if (await db.Sites.CountAsync(s => sites.Contains(s.Id), cancellationToken) != sites.Count)
            {
                throw new NotFoundException("One of the sites was not found.");
            }

            user.DisplayName = command.DisplayName.Trim();
            user.PrimarySiteId = primary;
            user.Sites.RemoveAll(s => !sites.Contains(s.SiteId));
            user.Sites.AddRange(sites.Where(id => user.Sites.All(s => s.SiteId != id)).Select(id => new StaffSiteAssignment { StaffUserId = user.Id, SiteId = id }));
            user.Version++;
            StaffAccounts.Check(await users.RemoveFromRolesAsync(user, current.Except(roles)), "roles");
            StaffAccounts.Check(await users.AddToRolesAsync(user, roles.Except(current)), "roles");
            if (current.Except(roles).Any())
            {
                // Roles travel in sign-in cookies and tokens: a role taken away ends the sessions that carry it.
                StaffAccounts.Check(await users.UpdateSecurityStampAsync(user), "roles");
            }

            return await StaffAccounts.ViewAsync(users, user);
        }
    }
}
