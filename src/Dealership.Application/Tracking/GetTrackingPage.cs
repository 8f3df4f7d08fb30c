using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>What the customer sees behind their link: their own recent messages and their contact preferences. Nothing of anyone else.</summary>
public static class GetTrackingPage
{
    public sealed record Query(string Token) : IQuery<TrackingPage>;

    public sealed record TrackingPage(
        string FirstName,
        ContactChannel PreferredChannel,
        string Language,
        IReadOnlyList<string> Languages,
        TimeOnly? QuietHoursStart,
        TimeOnly? QuietHoursEnd,
        bool SmsConsent,
        bool EmailConsent,
        bool HasMobile,
        bool HasEmail,
        string SiteName,
        string TimeZoneId,
        IReadOnlyList<Message> Messages);

    public sealed record Message(MessageChannel Channel, string? Subject, string Text, DateTime SentAt);

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : IQueryHandler<Query, TrackingPage>
    {
        public async ValueTask<TrackingPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, query.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == customerId, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == customer.RegisteredAtSiteId, cancellationToken);
            var messages = await db.Notifications.AsNoTracking()
                .Where(n => n.CustomerId == customerId && (n.Status == NotificationStatus.Sent || n.Status == NotificationStatus.Delivered))
                .OrderByDescending(n => n.SentAt)
                .Take(20)
                .Select(n => new Message(n.Channel, n.Subject, n.Body ?? "", n.SentAt!.Value))
                .ToListAsync(cancellationToken);
            return new TrackingPage(customer.FirstName, customer.PreferredChannel, customer.Language, site.LanguageList, customer.QuietHoursStart,
                customer.QuietHoursEnd, customer.SmsConsent, customer.EmailConsent, customer.MobilePhone is not null, customer.Email is not null,
                site.Name, customer.TimeZoneId, messages);
        }
    }
}
