using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Sites;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>
/// A manager opens another rooftop of the group. It starts with the standard week (Monday–Friday 8–6,
/// Saturday 9–5) and default capacities, and the manager who opened it works there at once so they can
/// finish setting it up and give staff access. Codes are unique across the group.
/// </summary>
public static class OpenSite
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(string Code, string Name, string TimeZoneId, string Currency, DistanceUnit DistanceUnit,
        string DefaultPhoneRegion, IReadOnlyList<string> Languages) : ICommand<ListMySites.SiteView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(10).Matches("^[A-Za-z0-9]+$").WithMessage("A short site code of letters and digits, like PDX.");
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).WithName("Name");
            RuleFor(c => c.TimeZoneId).TimeZone();
            RuleFor(c => c.Currency).CurrencyCode();
            RuleFor(c => c.DistanceUnit).IsInEnum();
            RuleFor(c => c.DefaultPhoneRegion).PhoneRegion();
            RuleFor(c => c.Languages).MessageLanguages();
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, UnitOfWork unit) : ICommandHandler<Command, ListMySites.SiteView>
    {
        public async ValueTask<ListMySites.SiteView> Handle(Command command, CancellationToken cancellationToken)
        {
            var code = command.Code.Trim().ToUpperInvariant();
            if (await db.Sites.AnyAsync(s => s.Code == code, cancellationToken))
            {
                throw new DomainRuleException($"The group already has a site with the code {code}; choose another.", "site-code-taken");
            }

            var site = new Site(code, command.Name, command.TimeZoneId, command.Currency, command.DistanceUnit, command.DefaultPhoneRegion, command.Languages);
            site.OpenStandardHours();
            db.Sites.Add(site);
            await unit.SaveAsync(cancellationToken);
            db.StaffSites.Add(new StaffSiteAssignment { StaffUserId = staff.StaffId ?? throw new ForbiddenException("Only a person opens a site."), SiteId = site.Id });
            return ListMySites.SiteView.From(site, isCurrent: false);
        }
    }
}
