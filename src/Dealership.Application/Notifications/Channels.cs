namespace Dealership.Application.Notifications;

/// <summary>An email ready to go: the Message-ID is derived from the notification, so a re-send is recognisably the same message.</summary>
public sealed record OutgoingEmail(Guid NotificationId, string To, string ToName, string Subject, string Text, string Html, string MessageId);

public sealed record OutgoingSms(Guid NotificationId, string To, string Body, Uri StatusCallback);

/// <summary>The provider's answer to one send.</summary>
public sealed record SendResult(bool Succeeded, string? ProviderMessageId, bool Permanent, string? Error, bool RecipientOptedOut = false)
{
    public static SendResult Sent(string? providerMessageId) => new(true, providerMessageId, false, null);

    public static SendResult Transient(string error) => new(false, null, false, error);

    public static SendResult PermanentFailure(string error, bool optedOut = false) => new(false, null, true, error, optedOut);
}

/// <summary>Sends a batch of emails over one connection; one result per email, in order.</summary>
public interface IEmailChannel
{
    string Name { get; }

    Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken);
}

/// <summary>Sends texts, and can say whether a text was already accepted (to reconcile an interrupted send).</summary>
public interface ISmsChannel
{
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);

    /// <summary>Looks for a message we sent to <paramref name="recipient"/> since <paramref name="since"/> whose body contains a link token with this hash; returns its provider id.</summary>
    Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken);
}
