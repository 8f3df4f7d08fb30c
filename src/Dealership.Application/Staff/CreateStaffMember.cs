using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Staff;

/// <summary>
/// A Manager creates a staff account (there is no self-registration), with roles and the sites the person
/// works at. A Manager can only give access to sites they work at themselves.
/// </summary>
public static class CreateStaffMember
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles,
        IReadOnlyList<Guid> SiteIds, Guid? PrimarySiteId) : ICommand<StaffView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Email).NotEmpty().EmailAddress().MaximumLength(254);
            RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(100).WithName("Name");
            RuleFor(c => c.Password).NotEmpty().MinimumLength(10)
                .WithMessage("Use a password of at least 10 characters.");
            RuleFor(c => c.Roles).NotEmpty().WithMessage("Give the person at least one role.");
            RuleForEach(c => c.Roles).Must(r => StaffRoles.All.Contains(r))
                .WithMessage(c => $"Unknown role. Use one of: {string.Join(", ", StaffRoles.All)}.");
            RuleFor(c => c.SiteIds).NotEmpty().WithMessage("Give the person at least one site.");
            RuleFor(c => c.PrimarySiteId).Must((c, primary) => primary is null || c.SiteIds.Contains(primary.Value))
                .WithMessage("The primary site must be one of the person's sites.");
        }
    }

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, ICurrentStaff staff, TimeProvider clock)
        : ICommandHandler<Command, StaffView>
    {
        public async ValueTask<StaffView> Handle(Command command, CancellationToken cancellationToken)
        {
            var outside = command.SiteIds.Where(id => !staff.SiteIds.Contains(id)).ToList();
            if (outside.Count > 0)
            {
                throw new ForbiddenException("You can only give access to sites you work at yourself.");
            }

            var knownSites = await db.Sites.CountAsync(s => command.SiteIds.Contains(s.Id), cancellationToken);
            if (knownSites != command.SiteIds.Distinct().Count())
            {
                throw new NotFoundException("One of the sites was not found.");
            }

            if (await users.FindByEmailAsync(command.Email) is { } existing)
            {
                var error = new DomainRuleException($"A staff account for {command.Email} already exists ({existing.DisplayName}).", "staff-exists");
                error.Facts["existingStaffId"] = existing.Id;
                throw error;
            }

            var user = new StaffUser
            {
                UserName = command.Email.Trim(),
                Email = command.Email.Trim(),
                EmailConfirmed = true,
                DisplayName = command.DisplayName.Trim(),
                PrimarySiteId = command.PrimarySiteId ?? command.SiteIds[0],
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                LockoutEnabled = true,
                Sites = command.SiteIds.Distinct().Select(id => new StaffSiteAssignment { SiteId = id }).ToList(),
            };
            var created = await users.CreateAsync(user, command.Password);
            if (!created.Succeeded)
            {
                throw new ValidationException(created.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                    e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Command.Password) : nameof(Command.Email), e.Description)));
            }

            var roles = await users.AddToRolesAsync(user, command.Roles.Distinct());
            if (!roles.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", roles.Errors.Select(e => e.Description)));
            }

            return new StaffView(user.Id, user.Email!, user.DisplayName, command.Roles.Distinct().Order().ToList(), user.Sites.Select(s => s.SiteId).ToList(), user.PrimarySiteId, user.IsActive);
        }
    }
}

public sealed record StaffView(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<Guid> SiteIds, Guid PrimarySiteId, bool IsActive)
{
    /// <summary>A manager reset the password: the person picks their own at the next sign-in.</summary>
    public bool MustChangePassword { get; init; }

    public string? PhoneNumber { get; init; }

    public long Version { get; init; }
}
