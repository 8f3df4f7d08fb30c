using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Sites;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>
/// The first run in production: a site and its first Manager, from the command line of the host (never from
/// a request: System access only). Idempotent: a site that exists keeps its settings, a Manager that exists
/// keeps their password and gains the role and the site if missing, so running it twice changes nothing.
/// Opening hours start at Monday–Friday 8–6 and Saturday 9–5; Managers change everything else afterwards.
/// </summary>
public static class SetUpFirstSite
{
    public sealed record Result(Guid SiteId, bool SiteCreated, Guid ManagerId, bool ManagerCreated);

    [Allowed(Access.System)]
    public sealed record Command(string SiteCode, string SiteName, string TimeZoneId, string Currency, string PhoneRegion,
        string ManagerEmail, string ManagerName, string ManagerPassword) : ICommand<Result>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SiteCode).NotEmpty().MaximumLength(10).Matches("^[A-Za-z0-9]+$").WithMessage("A short site code of letters and digits, like PDX.");
            RuleFor(c => c.SiteName).NotEmpty().MaximumLength(120);
            RuleFor(c => c.TimeZoneId).NotEmpty().Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithMessage("Give an IANA time zone, like America/Los_Angeles.");
            RuleFor(c => c.Currency).NotEmpty().Matches("^[A-Z]{3}$").WithMessage("An ISO 4217 currency code, like USD.");
            RuleFor(c => c.PhoneRegion).NotEmpty().Matches("^[A-Z]{2}$").WithMessage("A two-letter region for phone numbers, like US.");
            RuleFor(c => c.ManagerEmail).NotEmpty().EmailAddress();
            RuleFor(c => c.ManagerName).NotEmpty().MaximumLength(100);
            RuleFor(c => c.ManagerPassword).NotEmpty().MinimumLength(12).WithMessage("Use a password of at least 12 characters for the first Manager.");
        }
    }

    public sealed class Handler(DealershipDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, UnitOfWork unit, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = command.SiteCode.Trim().ToUpperInvariant();
            var site = await db.Sites.FirstOrDefaultAsync(s => s.Code == code, cancellationToken);
            var siteCreated = site is null;
            if (site is null)
            {
                site = new Site(code, command.SiteName.Trim(), command.TimeZoneId, command.Currency, DistanceUnit.Miles, command.PhoneRegion, ["en", "es"]);
                site.OpenStandardHours();
                db.Sites.Add(site);
                await unit.SaveAsync(cancellationToken);
            }

            foreach (var role in StaffRoles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }

            var normalized = users.NormalizeEmail(command.ManagerEmail.Trim());
            var manager = await users.Users.Include(u => u.Sites).FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            var managerCreated = manager is null;
            if (manager is null)
            {
                manager = new StaffUser
                {
                    UserName = command.ManagerEmail.Trim(), Email = command.ManagerEmail.Trim(), EmailConfirmed = true, DisplayName = command.ManagerName.Trim(),
                    PrimarySiteId = site.Id, CreatedAt = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
                    Sites = [new StaffSiteAssignment { SiteId = site.Id }],
                };
                Check(await users.CreateAsync(manager, command.ManagerPassword));
            }
            else if (manager.Sites.All(s => s.SiteId != site.Id))
            {
                manager.Sites.Add(new StaffSiteAssignment { SiteId = site.Id });
                Check(await users.UpdateAsync(manager));
            }

            if (!await users.IsInRoleAsync(manager, StaffRoles.Manager))
            {
                Check(await users.AddToRoleAsync(manager, StaffRoles.Manager));
            }

            return new Result(site.Id, siteCreated, manager.Id, managerCreated);
        }

        private static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new ValidationException(result.Errors.Select(e => new FluentValidation.Results.ValidationFailure(
                    e.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Command.ManagerPassword) : nameof(Command.ManagerEmail), e.Description)));
            }
        }
    }
}
