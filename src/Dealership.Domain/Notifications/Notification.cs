using Dealership.Domain.Common;

namespace Dealership.Domain.Notifications;

/// <summary>
/// One message to one customer on one channel: a row in the transactional outbox. It is written in the same
/// transaction as the change that causes it, identified by a de-duplication key built from business facts,
/// and moves through its life only by these methods, so a re-run or a second worker can never send it twice.
/// </summary>
public sealed class Notification : AggregateRoot
{
    /// <summary>Back-off between attempts; after the last one the message is dead and a Manager decides.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    private Notification() { }

    public Notification(Guid customerId, Guid? siteId, MessageChannel channel, string templateKey, string language,
        string deduplicationKey, string? recipient, string templateData, bool urgent, bool proactive, DateTime now)
    {
        Proactive = proactive;
        CustomerId = customerId;
        SiteId = siteId;
        Channel = channel;
        TemplateKey = templateKey;
        Language = language;
        DeduplicationKey = deduplicationKey;
        Recipient = recipient;
        TemplateData = templateData;
        Urgent = urgent;
        CreatedAt = now;
        DueAt = now;
        Status = NotificationStatus.Pending;
    }

    public Guid CustomerId { get; private set; }

    public Guid? SiteId { get; private set; }

    public MessageChannel Channel { get; private set; }

    /// <summary>Which template renders it, for example <c>customer.message</c>.</summary>
    public string TemplateKey { get; private set; } = "";

    public string Language { get; private set; } = "en";

    /// <summary>Unique: <c>customer/{id}/message/{messageId}/sms</c>. A replayed event cannot insert a second row.</summary>
    public string DeduplicationKey { get; private set; } = "";

    /// <summary>Phone (E.164) or email address, captured when queued so a later edit cannot redirect it.</summary>
    public string? Recipient { get; private set; }

    /// <summary>JSON object of the facts the template needs (staff name, message text, ...).</summary>
    public string TemplateData { get; private set; } = "{}";

    /// <summary>True when we reach out first; false when we answer the customer (a reply acknowledgement, HELP).</summary>
    public bool Proactive { get; private set; }

    /// <summary>Time-sensitive; with <see cref="Proactive"/> false it answers the customer and may break quiet hours (<see cref="QuietHours"/>).</summary>
    public bool Urgent { get; private set; }

    public NotificationStatus Status { get; private set; }

    public SuppressionReason? SuppressionReason { get; private set; }

    /// <summary>When the dispatcher may next pick it up (quiet hours, back-off).</summary>
    public DateTime DueAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTime? ClaimedAt { get; private set; }

    /// <summary>Until when the current claim is exclusive; an expired lease is reconciled before any re-send.</summary>
    public DateTime? LeaseUntil { get; private set; }

    /// <summary>SHA-256 of the tracking-link token in the copy being sent, stored before the provider call.</summary>
    public string? LinkTokenHash { get; private set; }

    public string? Subject { get; private set; }

    /// <summary>The text as sent, with the tracking link masked.</summary>
    public string? Body { get; private set; }

    public string? ProviderMessageId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public bool IsFinal => Status is NotificationStatus.Sent or NotificationStatus.Delivered or NotificationStatus.Dead or NotificationStatus.Suppressed;

    public void Suppress(SuppressionReason reason, DateTime now)
    {
        EnsureNotFinal();
        Status = NotificationStatus.Suppressed;
        SuppressionReason = reason;
        LeaseUntil = null;
        RecordChange();
        Raise(new NotificationSuppressed(this, now));
    }

    /// <summary>Holds a non-urgent message until the customer's quiet hours end.</summary>
    public void Defer(DateTime until)
    {
        EnsureNotFinal();
        Status = NotificationStatus.Deferred;
        DueAt = until;
        RecordChange();
    }

    /// <summary>Takes exclusive charge of sending; saved before the provider is called.</summary>
    public void Claim(DateTime now, TimeSpan lease, string? linkTokenHash, string? subject, string body)
    {
        if (Status is not (NotificationStatus.Pending or NotificationStatus.Deferred or NotificationStatus.Failed) || DueAt > now)
        {
            throw new DomainRuleException($"Notification {Id} is {Status} and cannot be claimed now.");
        }

        Status = NotificationStatus.Sending;
        ClaimedAt = now;
        LeaseUntil = now + lease;
        Attempts++;
        LinkTokenHash = linkTokenHash;
        Subject = subject;
        Body = body;
        RecordChange();
    }

    public void MarkSent(string? providerMessageId, DateTime now)
    {
        if (Status != NotificationStatus.Sending)
        {
            throw new DomainRuleException($"Notification {Id} is {Status}; only a message being sent can be marked sent.");
        }

        Status = NotificationStatus.Sent;
        ProviderMessageId = providerMessageId;
        SentAt = now;
        LeaseUntil = null;
        LastError = null;
        RecordChange();
        Raise(new NotificationSent(this, now));
    }

    /// <summary>A failed attempt: transient errors retry on the schedule; permanent ones, or the last attempt, are dead.</summary>
    public void MarkFailed(string error, bool permanent, DateTime now)
    {
        if (Status != NotificationStatus.Sending)
        {
            throw new DomainRuleException($"Notification {Id} is {Status}; only a message being sent can fail.");
        }

        LastError = error.Length > 500 ? error[..500] : error;
        LeaseUntil = null;
        if (permanent || Attempts > RetrySchedule.Count)
        {
            Status = NotificationStatus.Dead;
            Raise(new NotificationDied(this, permanent, now));
        }
        else
        {
            Status = NotificationStatus.Failed;
            DueAt = now + RetrySchedule[Attempts - 1];
        }

        RecordChange();
    }

    /// <summary>
    /// The sender gave the claim back without calling the provider (its lease was running out before this
    /// message's turn): due again now, and the attempt does not count towards giving up.
    /// </summary>
    public void ReturnUnattempted(DateTime now)
    {
        if (Status != NotificationStatus.Sending)
        {
            return;
        }

        Status = NotificationStatus.Pending;
        LeaseUntil = null;
        DueAt = now;
        Attempts = Math.Max(0, Attempts - 1);
        RecordChange();
    }

    /// <summary>The lease expired and the provider shows no trace of the message: it may be sent again.</summary>
    public void ReleaseUnsent(DateTime now)
    {
        if (Status != NotificationStatus.Sending)
        {
            return;
        }

        Status = NotificationStatus.Failed;
        LeaseUntil = null;
        DueAt = now;
        LastError = "The sending worker stopped before confirming; the provider had no record of it, so it will be sent again.";
        RecordChange();
    }

    /// <summary>A delivery receipt from the provider (SMS status callback).</summary>
    public void MarkDelivered(DateTime now)
    {
        if (Status is NotificationStatus.Sent or NotificationStatus.Sending)
        {
            Status = NotificationStatus.Delivered;
            DeliveredAt = now;
            LeaseUntil = null;
            RecordChange();
            Raise(new NotificationDelivered(this, now));
        }
    }

    /// <summary>The carrier could not deliver it. Permanent for this message: no automatic retry on the same channel.</summary>
    public void MarkUndelivered(string error, DateTime now)
    {
        if (Status is NotificationStatus.Sent or NotificationStatus.Sending or NotificationStatus.Delivered)
        {
            Status = NotificationStatus.Dead;
            LastError = error;
            LeaseUntil = null;
            RecordChange();
            Raise(new NotificationDied(this, Permanent: true, now));
        }
    }

    /// <summary>A Manager sends a dead message again, for example after the customer's number was corrected.</summary>
    public void Resend(string? recipient, DateTime now)
    {
        if (Status is not (NotificationStatus.Dead or NotificationStatus.Failed))
        {
            throw new DomainRuleException($"Only dead or failing messages can be resent; this one is {Status}.", "not-resendable");
        }

        Status = NotificationStatus.Pending;
        Attempts = 0;
        DueAt = now;
        LastError = null;
        Recipient = recipient ?? Recipient;
        RecordChange();
    }

    private void EnsureNotFinal()
    {
        if (IsFinal)
        {
            throw new DomainRuleException($"Notification {Id} is already {Status}.");
        }
    }
}

public enum MessageChannel
{
    Sms,
    Email,
}

public enum NotificationStatus
{
    Pending,
    Deferred,
    Sending,
    Sent,
    Delivered,
    Failed,
    Dead,
    Suppressed,
}

public enum SuppressionReason
{
    OptedOut,
    NoContactDetail,
    NoConsent,

    /// <summary>What the message was about no longer holds (a reminder for a collection that was cancelled).</summary>
    Withdrawn,
}

public sealed record NotificationSent(Notification Notification, DateTime OccurredAt) : IDomainEvent;

public sealed record NotificationDelivered(Notification Notification, DateTime OccurredAt) : IDomainEvent;

public sealed record NotificationDied(Notification Notification, bool Permanent, DateTime OccurredAt) : IDomainEvent;

public sealed record NotificationSuppressed(Notification Notification, DateTime OccurredAt) : IDomainEvent;
