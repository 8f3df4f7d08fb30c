using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer changes their own channel, language, quiet hours and consent from their tracking page.</summary>
public static class UpdateMyPreferences
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, ContactChannel PreferredChannel, string Language, TimeOnly? QuietHoursStart, TimeOnly? QuietHoursEnd,
        bool SmsConsent, bool EmailConsent) : ICommand<bool>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PreferredChannel).IsInEnum();
            RuleFor(c => c.Language).NotEmpty().MaximumLength(8);
            RuleFor(c => c.QuietHoursEnd).Must((c, end) => c.QuietHoursStart.HasValue == end.HasValue)
                .WithMessage("Give both the start and the end of quiet hours, or neither.");
        }
    }

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var customer = await db.Customers.FirstAsync(c => c.Id == customerId, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == customer.RegisteredAtSiteId, cancellationToken);
            if (!site.SupportsLanguage(command.Language))
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure(nameof(Command.Language), "Choose one of the languages offered.")]);
            }

            // A channel the customer just turned off cannot stay their preferred one.
            var channel = command.PreferredChannel;
            if (channel is ContactChannel.Sms or ContactChannel.Both && !command.SmsConsent)
            {
                channel = ContactChannel.Email;
            }
            else if (channel is ContactChannel.Email or ContactChannel.Both && !command.EmailConsent && command.SmsConsent)
            {
                channel = ContactChannel.Sms;
            }

            customer.UpdateContactPreferences(new ContactPreferences(channel, command.Language, customer.TimeZoneId, command.QuietHoursStart,
                command.QuietHoursEnd, command.SmsConsent, command.EmailConsent, "Changed by the customer on their tracking page"), now, byCustomer: true);
            return true;
        }
    }
}
