using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Sites;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>
/// A manager edits one of their sites in one go: name and market (time zone, currency, units, phone region,
/// languages), the week's opening hours, handover bays, workshop capacity and labour rate, customers' quiet
/// hours and the public contact details. Deal rules and payment terms have their own forms. The change is
/// whole or nothing, guarded by the site's version (If-Match), and takes effect for the next booking,
/// message or quote.
/// </summary>
public static class ChangeSiteSettings
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(
        Guid SiteId,
        string Name,
        string TimeZoneId,
        string Currency,
        DistanceUnit DistanceUnit,
        string DefaultPhoneRegion,
        IReadOnlyList<string> Languages,
        IReadOnlyList<ListMySites.OpeningHoursView> OpeningHours,
        int DeliveryBays,
        int CollectionMinutes,
        int WorkshopMinutesPerDay,
        int AdvisorMinutesPerDay,
        int ServiceSlotMinutes,
        long LabourRatePerHour,
        TimeOnly QuietHoursStart,
        TimeOnly QuietHoursEnd,
        string? PublicPhone,
        string? PublicEmail,
        string? Address,
        long? ExpectedVersion = null) : ICommand<ListMySites.SiteView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).WithName("Name");
            RuleFor(c => c.TimeZoneId).TimeZone();
            RuleFor(c => c.Currency).CurrencyCode();
            RuleFor(c => c.DistanceUnit).IsInEnum();
            RuleFor(c => c.DefaultPhoneRegion).PhoneRegion();
            RuleFor(c => c.Languages).MessageLanguages();
            RuleFor(c => c.OpeningHours).NotEmpty().WithMessage("List the days the site opens with their hours; a day not listed is closed.");
            RuleForEach(c => c.OpeningHours).Must(h => h.Closes > h.Opens).WithMessage(h => "A day closes after it opens.");
            RuleFor(c => c.DeliveryBays).InclusiveBetween(1, 50).WithName("Handover bays");
            RuleFor(c => c.CollectionMinutes).InclusiveBetween(15, 240).WithName("Minutes per collection");
            RuleFor(c => c.WorkshopMinutesPerDay).InclusiveBetween(60, 100_000).WithMessage("Workshop capacity is labour minutes a day: technicians × productive hours × 60 (at least 60).");
            RuleFor(c => c.AdvisorMinutesPerDay).InclusiveBetween(60, 10_000).WithName("Hours one advisor looks after a day").WithMessage("An advisor looks after 1 to 166 hours of work a day.");
            RuleFor(c => c.ServiceSlotMinutes).InclusiveBetween(10, 120).WithName("Drop-off slots every (minutes)");
            RuleFor(c => c.LabourRatePerHour).InclusiveBetween(0, 10_000_000).WithMessage("The labour rate is in cents per hour, 0 to 100,000.00.");
            RuleFor(c => c.QuietHoursEnd).NotEqual(c => c.QuietHoursStart).WithMessage("Quiet hours start and end at different times (for example 20:00 to 08:00).");
            RuleFor(c => c.PublicPhone).MaximumLength(30).Matches(@"^[0-9+()\-. ]*$").WithMessage("A phone number of digits, spaces and + ( ) - . only.");
            RuleFor(c => c.PublicEmail).MaximumLength(254).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.PublicEmail));
            RuleFor(c => c.Address).MaximumLength(200);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, ListMySites.SiteView>
    {
        public async ValueTask<ListMySites.SiteView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await db.Sites.Where(s => staff.SiteIds.Contains(s.Id)).ForChangeAsync(command.SiteId, command.ExpectedVersion, "Site", cancellationToken);
            var anythingPriced = command.Currency != site.Currency && (
                await db.Orders.AnyAsync(o => o.SiteId == site.Id, cancellationToken) ||
                await db.Appointments.AnyAsync(a => a.SiteId == site.Id, cancellationToken) ||
                await db.Parts.AnyAsync(p => p.SiteId == site.Id, cancellationToken) ||
                await db.TradeIns.AnyAsync(t => t.SiteId == site.Id, cancellationToken));
            site.Describe(command.Name, command.TimeZoneId, command.Currency, command.DistanceUnit, command.DefaultPhoneRegion, command.Languages, anythingPriced);
            site.ReplaceOpeningHours(command.OpeningHours.Select(h => new OpeningHours(h.Day, h.Opens, h.Closes)).ToList());
            site.SetHandover(command.DeliveryBays, command.CollectionMinutes);
            site.SetWorkshop(command.WorkshopMinutesPerDay, command.AdvisorMinutesPerDay, command.ServiceSlotMinutes, command.LabourRatePerHour);
            site.SetQuietHours(command.QuietHoursStart, command.QuietHoursEnd);
            site.SetContact(command.PublicPhone, command.PublicEmail, command.Address);
            return ListMySites.SiteView.From(site, site.Id == staff.SiteId);
        }
    }
}
