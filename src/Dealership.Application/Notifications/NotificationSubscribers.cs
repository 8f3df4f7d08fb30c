using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Customers;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// Turns message events into touchpoints on the customer's timeline; a message that failed for good becomes a
/// task for the person who owns the customer's open work (the carrier's reason in words, the other channel
/// offered), and a text that failed for good also goes by email when the customer allows email. Writes rows
/// only; runs inside the transaction of the change.
/// </summary>
public sealed class MessageTouchpoints(DealershipDbContext db, Outbox outbox, ConversationRouter router) :
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

        // Dead is final (refused for good, or every retry used): a person must know the customer did not hear.
        var customer = await db.Customers.FirstAsync(c => c.Id == n.CustomerId, cancellationToken);
        var emailFallback = n.Channel == MessageChannel.Sms && domainEvent.Permanent && customer.CanReceive(sms: false);
        await TellTheOwnerAsync(n, customer, emailFallback, domainEvent.OccurredAt, cancellationToken);
        if (!emailFallback)
        {
            return;
        }

        var baseKey = n.DeduplicationKey.EndsWith("/sms", StringComparison.Ordinal) ? n.DeduplicationKey[..^4] : n.DeduplicationKey;
        await outbox.QueueAsync(customer, n.SiteId, n.TemplateKey, baseKey,
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(n.TemplateData) ?? [], n.Urgent, n.Proactive,
            cancellationToken, onlyChannel: MessageChannel.Email);
    }

    /// <summary>A person hears that the customer did not: the owner of their open work, else the site's team queue; once per message.</summary>
    private async Task TellTheOwnerAsync(Notification n, Customer customer, bool emailFallback, DateTime now, CancellationToken ct)
    {
        var key = $"notification/{n.Id}/dead";
        if (await db.Tasks.AnyAsync(t => t.DeduplicationKey == key, ct) || db.Tracked<Domain.Tasks.StaffTask>().Any(t => t.DeduplicationKey == key))
        {
            return;
        }

        var owner = await router.OwnerAsync([customer], ct);
        var siteId = owner.SiteId ?? n.SiteId ?? customer.RegisteredAtSiteId;
        var what = n.Channel == MessageChannel.Sms ? "text" : "email";
        var next = emailFallback ? "The same message is going by email instead; check they got it."
            : n.Channel == MessageChannel.Sms && customer.Email is not null ? "They have not agreed to email: call them, and ask how they would like to hear from us."
            : n.Channel == MessageChannel.Email && customer.CanReceive(sms: true) ? "Send it by text from their page, or call them."
            : "Call them, and check their contact details.";
        db.Tasks.Add(new Domain.Tasks.StaffTask(siteId, owner.OwnerId, $"Could not reach {customer.FullName} by {what}",
            $"{CarrierReason(n.LastError)} {next}", now.AddHours(2), owner.SubjectType, owner.SubjectId, [customer.Id], now, key));
    }

    /// <summary>The provider's error as a person would say it.</summary>
    internal static string CarrierReason(string? error) => error switch
    {
        null or "" => "The message could not be delivered.",
        _ when error.Contains("21610", StringComparison.Ordinal) => "The customer has replied STOP to our texts.",
        _ when error.Contains("21211", StringComparison.Ordinal) || error.Contains("21614", StringComparison.Ordinal) => "The number on file is not a valid mobile number.",
        _ when error.Contains("30003", StringComparison.Ordinal) => "Their phone was switched off or out of reach, for every attempt.",
        _ when error.Contains("30005", StringComparison.Ordinal) => "The number on file does not exist any more.",
        _ when error.Contains("30006", StringComparison.Ordinal) => "The number on file is a landline and cannot receive texts.",
        _ when error.Contains("30007", StringComparison.Ordinal) => "Their carrier blocked the text as possible spam.",
        _ when error.Contains("550", StringComparison.Ordinal) || error.Contains("mailbox", StringComparison.OrdinalIgnoreCase) => "Their email address does not accept mail.",
        _ => $"The provider refused it ({(error.Length > 120 ? error[..117] + "..." : error)}).",
    };

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
