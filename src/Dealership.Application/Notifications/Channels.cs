namespace Dealership.Application.Notifications;

/// <summary>
/// An email ready to go: the Message-ID is derived from the notification, so a re-send is recognisably the same
/// message. Every email carries a text and an HTML part; a sender with only text (a supplier order) gets the
/// HTML part made from it, because some mail clients show an empty HTML part as a blank email.
/// </summary>
public sealed record OutgoingEmail(Guid NotificationId, string To, string ToName, string Subject, string Text, string Html, string MessageId)
{
    public string Html { get; init; } = string.IsNullOrWhiteSpace(Html) ? TextAsHtml(Text) : Html;

    /// <summary>Plain text as a small HTML document: encoded, paragraphs kept, line breaks and indentation kept.</summary>
    public static string TextAsHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p style=\"white-space:pre-wrap;margin:0 0 1em\">" + System.Net.WebUtility.HtmlEncode(p) + "</p>");
        return "<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#1f2933\">"
            + string.Concat(paragraphs) + "</body></html>";
    }
}

public sealed record OutgoingSms(Guid NotificationId, string To, string Body, Uri StatusCallback);

/// <summary>
/// A channel could not reach its provider (connection refused, timeout): whether the message went is unknown.
/// Adapters translate their transport's exceptions into this, so the dispatcher knows no HTTP or SDK type.
/// </summary>
public sealed class ChannelUnavailableException : Exception
{
    public ChannelUnavailableException() { }

    public ChannelUnavailableException(string message) : base(message) { }

    public ChannelUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

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
