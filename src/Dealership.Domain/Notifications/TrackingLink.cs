using Dealership.Domain.Common;

namespace Dealership.Domain.Notifications;

/// <summary>
/// A customer's personal link to their tracking page, minted for one message. Only the SHA-256 of the token
/// is stored; the token itself exists only in the message that was sent.
/// </summary>
public sealed class TrackingLink : Entity
{
    private TrackingLink() { }

    public TrackingLink(Guid customerId, Guid? notificationId, string tokenHash, DateTime now, TimeSpan lifetime)
    {
        CustomerId = customerId;
        NotificationId = notificationId;
        TokenHash = tokenHash;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public Guid CustomerId { get; private set; }

    public Guid? NotificationId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

/// <summary>
/// Consent to text a phone number, kept per number: a STOP from a number shared by a household covers every
/// customer with that number, as the carrier and Twilio will also refuse further messages to it.
/// </summary>
public sealed class PhoneConsent : Entity
{
    private PhoneConsent() { }

    public PhoneConsent(string phoneNumber, bool optedOut, string source, DateTime now)
    {
        PhoneNumber = phoneNumber;
        Record(optedOut, source, now);
    }

    public string PhoneNumber { get; private set; } = "";

    public bool OptedOut { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public string Source { get; private set; } = "";

    public void Record(bool optedOut, string source, DateTime now)
    {
        OptedOut = optedOut;
        Source = source;
        ChangedAt = now;
    }
}
