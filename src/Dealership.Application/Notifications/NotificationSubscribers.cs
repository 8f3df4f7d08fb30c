using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// Turns message events into touchpoints on the customer's timeline, and a text that failed for good into
/// an email when the customer allows email. Writes rows only; runs inside the transaction of the change.
/// </summary>
public sealed class MessageTouchpoints(DealershipDbContext db, Outbox outbox) :
    IDomainEventSubscriber<NotificationSent>,
    IDomainEventSubscriber<NotificationDelivered>,
    IDomainEventSubscriber<NotificationDied>
{
    public Task HandleAsync(NotificationSent domainEvent, CancellationToken cancellationToken)
    {
        var n = domainEvent.Notification;
        db.Touchpoints.Add(new Touchpoint(n.CustomerId, n.SiteId, domainEvent.OccurredAt, TouchpointKind.MessageSent, TouchpointDirection.Outbound,
            TouchpointActor.Dealer, n.Proactive, $"{ChannelName(n.Channel)} sent: {Preview(n)}", subjectType: "notification", subjectId: n.Id));
        return Task.CompletedTask;
    }

    public Task HandleAsync(NotificationDelivered domainEvent, CancellationToken cancellationToken)
    {
        var n = domainEvent.Notification;
        db.Touchpoints.Add(new Touchpoint(n.CustomerId, n.SiteId, domainEvent.OccurredAt, TouchpointKind.MessageDelivered, TouchpointDirection.Outbound,
            TouchpointActor.Dealer, n.Proactive, $"{ChannelName(n.Channel)} delivered: {Preview(n)}", subjectType: "notification", subjectId: n.Id));
        return Task.CompletedTask;
    }

    public async Task HandleAsync(NotificationDied domainEvent, CancellationToken cancellationToken)
    {
        var n = domainEvent.Notification;
        db.Touchpoints.Add(new Touchpoint(n.CustomerId, n.SiteId, domainEvent.OccurredAt, TouchpointKind.MessageFailed, TouchpointDirection.Outbound,
            TouchpointActor.Dealer, n.Proactive, $"{ChannelName(n.Channel)} could not be delivered ({n.LastError})", subjectType: "notification", subjectId: n.Id));

        if (n.Channel != MessageChannel.Sms || !domainEvent.Permanent)
        {
            return;
        }

        var customer = await db.Customers.FirstAsync(c => c.Id == n.CustomerId, cancellationToken);
        if (!customer.CanReceive(sms: false))
        {
            return;
        }

        var baseKey = n.DeduplicationKey.EndsWith("/sms", StringComparison.Ordinal) ? n.DeduplicationKey[..^4] : n.DeduplicationKey;
        await outbox.QueueAsync(customer, n.SiteId, n.TemplateKey, baseKey,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(n.TemplateData) ?? [], n.Urgent, n.Proactive,
            cancellationToken, onlyChannel: MessageChannel.Email);
    }

    internal static string ChannelName(MessageChannel channel) => channel == MessageChannel.Sms ? "Text" : "Email";

    private static string Preview(Notification n)
    {
        var text = n.Channel == MessageChannel.Email ? n.Subject ?? n.Body ?? "" : n.Body ?? "";
        return text.Length > 120 ? text[..117] + "..." : text;
    }
}

/// <summary>A change of channel or consent is a touchpoint, and the customer gets a confirmation on the channels now in use.</summary>
public sealed class PreferenceChangeTouchpoints(DealershipDbContext db, Outbox outbox, ICurrentStaff staff) : IDomainEventSubscriber<ContactPreferencesChanged>
{
    public async Task HandleAsync(ContactPreferencesChanged domainEvent, CancellationToken cancellationToken)
    {
        if (!domainEvent.Changed)
        {
            return;
        }

        var customer = domainEvent.Customer;
        var what = new List<string> { $"prefers {customer.PreferredChannel.ToString().ToLowerInvariant()}" };
        if (domainEvent.SmsConsentChanged)
        {
            what.Add(customer.SmsConsent ? "texts allowed" : "texts stopped");
        }

        if (domainEvent.EmailConsentChanged)
        {
            what.Add(customer.EmailConsent ? "emails allowed" : "emails stopped");
        }

        db.Touchpoints.Add(new Touchpoint(customer.Id, staff.StaffId is null ? null : staff.SiteId, domainEvent.OccurredAt, TouchpointKind.ConsentChanged,
            domainEvent.ByCustomer ? TouchpointDirection.Inbound : TouchpointDirection.Internal,
            domainEvent.ByCustomer ? TouchpointActor.Customer : TouchpointActor.Dealer, proactive: false,
            $"Contact preferences changed ({string.Join(", ", what)}) - {domainEvent.Source}", staff.StaffId, "customer", customer.Id));

        var data = new Dictionary<string, string> { ["channel"] = customer.PreferredChannel.ToString().ToLowerInvariant() };
        await outbox.QueueAsync(customer, staff.StaffId is null ? null : staff.SiteId, MessageTemplates.PreferencesUpdated,
            $"customer/{customer.Id}/preferences/{domainEvent.OccurredAt.Ticks}", data, urgent: false, proactive: false, cancellationToken);
    }
}
