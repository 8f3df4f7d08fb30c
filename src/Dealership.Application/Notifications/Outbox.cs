using System.Text.Json;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// Writes notification rows for a customer, inside the current command's transaction (never sends). Decides
/// the channels from the customer's choice and consent, records why a channel was not used (suppressed rows
/// are visible to staff), and holds non-urgent messages until the customer's quiet hours end.
/// </summary>
public sealed class Outbox(DealershipDbContext db, TimeProvider clock)
{
    /// <param name="deduplicationBase">Business facts that identify the message, e.g. <c>customer/{id}/message/{messageId}</c>; the channel is appended.</param>
    public async Task<IReadOnlyList<Notification>> QueueAsync(Customer customer, Guid? siteId, string templateKey, string deduplicationBase,
        IReadOnlyDictionary<string, string> data, bool urgent, bool proactive, CancellationToken cancellationToken,
        MessageChannel? onlyChannel = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var now = clock.GetUtcNow().UtcDateTime;
        var optedOutPhone = customer.MobilePhone is not null &&
            await db.PhoneConsents.AnyAsync(c => c.PhoneNumber == customer.MobilePhone && c.OptedOut, cancellationToken);
        bool Usable(MessageChannel channel) => channel == MessageChannel.Sms ? customer.CanReceive(sms: true) && !optedOutPhone : customer.CanReceive(sms: false);

        var chosen = onlyChannel is { } only
            ? [only]
            : customer.ChosenChannels.Select(c => c == ContactChannel.Sms ? MessageChannel.Sms : MessageChannel.Email).ToList();
        var channels = chosen.Where(Usable).ToList();
        if (channels.Count == 0 && onlyChannel is null)
        {
            // The customer's chosen channel cannot be used (no consent, no number): the other one, if allowed,
            // is better than silence. If neither is, one suppressed row shows staff why nothing went out.
            var other = chosen.Contains(MessageChannel.Sms) ? MessageChannel.Email : MessageChannel.Sms;
            channels = Usable(other) ? [other] : [chosen[0]];
        }

        var json = JsonSerializer.Serialize(data);
        var queued = new List<Notification>();
        foreach (var channel in channels)
        {
            var key = $"{deduplicationBase}/{channel.ToString().ToLowerInvariant()}";
            if (db.Notifications.Local.Any(n => n.DeduplicationKey == key) ||
                await db.Notifications.AnyAsync(n => n.DeduplicationKey == key, cancellationToken))
            {
                continue;
            }

            var recipient = channel == MessageChannel.Sms ? customer.MobilePhone : customer.Email;
            var notification = new Notification(customer.Id, siteId, channel, templateKey, customer.Language, key, recipient, json, urgent, proactive, now);
            if (recipient is null)
            {
                notification.Suppress(SuppressionReason.NoContactDetail, now);
            }
            else if (channel == MessageChannel.Sms && optedOutPhone)
            {
                notification.Suppress(SuppressionReason.OptedOut, now);
            }
            else if (!Usable(channel))
            {
                notification.Suppress(SuppressionReason.NoConsent, now);
            }
            else if (!urgent && customer.QuietHoursEndAfter(now) is { } quietUntil)
            {
                notification.Defer(quietUntil);
            }

            db.Notifications.Add(notification);
            queued.Add(notification);
        }

        return queued;
    }
}
