using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Customers;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Customers;

/// <summary>
/// Changes how the customer wants to hear from us. Consent changes keep when and how they were given, since
/// every later message must be able to show it was allowed.
/// </summary>
public static class UpdateContactPreferences
{
    [Allowed(Access.EditCustomers)]
    public sealed record Command(
        Guid CustomerId,
        ContactChannel PreferredChannel,
        string? Language,
        string? TimeZoneId,
        TimeOnly? QuietHoursStart,
        TimeOnly? QuietHoursEnd,
        bool SmsConsent,
        bool EmailConsent,
        string? ConsentSource,
        long? ExpectedVersion) : ICommand<CustomerView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(SiteContext site)
        {
            RuleFor(c => c.PreferredChannel).IsInEnum();
            ContactPreferenceRules.Apply(this, c => c.Language, c => c.TimeZoneId, c => c.QuietHoursStart, c => c.QuietHoursEnd, site);
            RuleFor(c => c.ConsentSource).MaximumLength(200);
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, TimeProvider clock) : ICommandHandler<Command, CustomerView>
    {
        public async ValueTask<CustomerView> Handle(Command command, CancellationToken cancellationToken)
        {
            // Customers belong to the group (any site may serve them), so the scope is every customer.
            var customer = await db.Customers.ForChangeAsync(command.CustomerId, command.ExpectedVersion, "Customer", cancellationToken);

            var site = await siteContext.GetAsync(cancellationToken);
            customer.UpdateContactPreferences(new ContactPreferences(
                command.PreferredChannel,
                command.Language ?? customer.Language,
                command.TimeZoneId ?? customer.TimeZoneId,
                command.QuietHoursStart,
                command.QuietHoursEnd,
                command.SmsConsent,
                command.EmailConsent,
                string.IsNullOrWhiteSpace(command.ConsentSource) ? $"Recorded by staff at {site.Code}" : command.ConsentSource.Trim()),
                clock.GetUtcNow().UtcDateTime);

            return customer.ToView();
        }
    }
}
