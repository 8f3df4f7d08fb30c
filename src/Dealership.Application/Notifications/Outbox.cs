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
public sealed class Outbox(DealershipDbContext db, TimeProvider clock, Sites.SiteContext siteContext)
{
    /// <param name="deduplicationBase">Business facts that identify the message, e.g. <c>customer/{id}/message/{messageId}</c>; the channel is appended.</param>
    public Task<IReadOnlyList<Notification>> QueueAsync(Customer customer, Guid? siteId, string templateKey, string deduplicationBase,
        IReadOnlyDictionary<string, string> data, bool urgent, bool proactive, CancellationToken cancellationToken,
        MessageChannel? onlyChannel = null) =>
        QueueManyAsync([new OutboxMessage(customer, siteId, templateKey, deduplicationBase, data, urgent, proactive, onlyChannel)], cancellationToken);

    /// <summary>
    /// Queues many messages with a constant number of queries (one for opted-out numbers, one for keys already
    /// queued), so a job that tells hundreds of customers at once does not read once per customer.
    /// </summary>
    public async Task<IReadOnlyList<Notification>> QueueManyAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var phones = messages.Select(m => m.Customer.MobilePhone).OfType<string>().Distinct().ToList();
        var optedOutPhones = phones.Count == 0 ? new HashSet<string>(StringComparer.Ordinal)
            : await OptedOutOf(db, phones).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);

        var planned = messages.Select(m => (Message: m, Channels: ChannelsFor(m, optedOutPhones))).ToList();
        var keys = planned.SelectMany(p => p.Channels.Select(c => KeyFor(p.Message, c))).Distinct().ToList();
        var existing = keys.Count == 0 ? new HashSet<string>(StringComparer.Ordinal)
            : await QueuedAlready(db, keys).ToHashSetAsync(StringComparer.Ordinal, cancellationToken);
        existing.UnionWith(db.Tracked<Notification>().Select(n => n.DeduplicationKey));

        // Quiet hours need the sites' time zones: a site this unit has read already is not read again.
        var sites = await siteContext.OfRecordsAsync(messages.Select(m => m.SiteId).OfType<Guid>(), cancellationToken);

        var queued = new List<Notification>();
        foreach (var (message, channels) in planned)
        {
            var customer = message.Customer;
            var optedOutPhone = customer.MobilePhone is not null && optedOutPhones.Contains(customer.MobilePhone);
            foreach (var channel in channels)
            {
                var key = KeyFor(message, channel);
                if (!existing.Add(key))
                {
                    continue;
                }

                var recipient = channel == MessageChannel.Sms ? customer.MobilePhone : customer.Email;
                var notification = new Notification(customer.Id, message.SiteId, channel, message.TemplateKey, customer.Language, key, recipient,
                    JsonSerializer.Serialize(message.Data), message.Urgent, message.Proactive, now);
                if (recipient is null)
                {
                    notification.Suppress(SuppressionReason.NoContactDetail, now);
                }
                else if (channel == MessageChannel.Sms && optedOutPhone)
                {
                    notification.Suppress(SuppressionReason.OptedOut, now);
                }
                else if (!Usable(customer, channel, optedOutPhone))
                {
                    notification.Suppress(SuppressionReason.NoConsent, now);
                }
                else if (!QuietHours.MayBreak(message.Urgent, message.Proactive) &&
                         QuietHours.EndAfter(customer, message.SiteId is { } siteId ? sites.GetValueOrDefault(siteId) : null, now) is { } quietUntil)
                {
                    notification.Defer(quietUntil);
                }

                db.Notifications.Add(notification);
                queued.Add(notification);
            }
        }

        return queued;
    }

    // Compiled: nearly every command that changes something queues a message, and EF's per-call work on an ordinary
    // query is paid each time (reading the expression for its parameters, finding its plan; session 24 compiled the
    // writes' hot queries: bookings 243 -> 304 a second side by side).
    private static readonly Func<DealershipDbContext, List<string>, IAsyncEnumerable<string>> OptedOutOf =
        EF.CompileAsyncQuery((DealershipDbContext db, List<string> phones) =>
            db.PhoneConsents.AsNoTracking().Where(c => phones.Contains(c.PhoneNumber) && c.OptedOut).Select(c => c.PhoneNumber));

    private static readonly Func<DealershipDbContext, List<string>, IAsyncEnumerable<string>> QueuedAlready =
        EF.CompileAsyncQuery((DealershipDbContext db, List<string> keys) =>
            db.Notifications.AsNoTracking().Where(n => keys.Contains(n.DeduplicationKey)).Select(n => n.DeduplicationKey));

    private static string KeyFor(OutboxMessage message, MessageChannel channel) => $"{message.DeduplicationBase}/{channel.ToString().ToLowerInvariant()}";

    private static bool Usable(Customer customer, MessageChannel channel, bool optedOutPhone) =>
        channel == MessageChannel.Sms ? customer.CanReceive(sms: true) && !optedOutPhone : customer.CanReceive(sms: false);

    private static List<MessageChannel> ChannelsFor(OutboxMessage message, HashSet<string> optedOutPhones)
    {
        var customer = message.Customer;
        var optedOutPhone = customer.MobilePhone is not null && optedOutPhones.Contains(customer.MobilePhone);
        var chosen = message.OnlyChannel is { } only
            ? [only]
            : customer.ChosenChannels.Select(c => c == ContactChannel.Sms ? MessageChannel.Sms : MessageChannel.Email).ToList();
        var channels = chosen.Where(c => Usable(customer, c, optedOutPhone)).ToList();
        if (channels.Count == 0 && message.OnlyChannel is null)
        {
            // The customer's chosen channel cannot be used (no consent, no number): the other one, if allowed,
            // is better than silence. If neither is, one suppressed row shows staff why nothing went out.
            var other = chosen.Contains(MessageChannel.Sms) ? MessageChannel.Email : MessageChannel.Sms;
            channels = Usable(customer, other, optedOutPhone) ? [other] : [chosen[0]];
        }

        return channels;
    }
}

/// <summary>
/// One message to queue: for whom, about what (template and facts), and how it may be delayed. Urgent and not
/// proactive means an answer to something the customer just did or said: the only kind that may go out in
/// quiet hours (<see cref="QuietHours"/>).
/// </summary>
public sealed record OutboxMessage(Customer Customer, Guid? SiteId, string TemplateKey, string DeduplicationBase,
    IReadOnlyDictionary<string, string> Data, bool Urgent, bool Proactive, MessageChannel? OnlyChannel = null);
