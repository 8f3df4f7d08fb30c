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
/// A channel could not reach its provider (connection refused, timeout). Unless <see cref="NeverSent"/>, whether
/// the message went is unknown. Adapters translate their transport's exceptions into this, so the dispatcher
/// knows no HTTP or SDK type.
/// </summary>
public sealed class ChannelUnavailableException : Exception
{
    /// <summary>No connection was made (refused, no route, unknown host): the provider cannot have the message.</summary>
    public bool NeverSent { get; init; }

    public ChannelUnavailableException() { }

    public ChannelUnavailableException(string message) : base(message) { }

    public ChannelUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The provider's answer to one send.</summary>
public sealed record SendResult(bool Succeeded, string? ProviderMessageId, bool Permanent, string? Error, bool RecipientOptedOut = false, bool Attempted = true)
{
    /// <summary>The channel did not try this one: the sender's claim on it was running out (see <see cref="EmailBatch"/>).</summary>
    public static readonly SendResult NotAttempted = new(false, null, false, "Not attempted: the claim was running out.", Attempted: false);

    public static SendResult Sent(string? providerMessageId) => new(true, providerMessageId, false, null);

    public static SendResult Transient(string error) => new(false, null, false, error);

    public static SendResult PermanentFailure(string error, bool optedOut = false) => new(false, null, true, error, optedOut);
}

/// <summary>
/// The sender's side of a batch of emails. <see cref="MayStartNext"/> is asked before each email: once it says
/// no, the rest are <see cref="SendResult.NotAttempted"/> (a slow server must not keep a batch going past the
/// sender's claim, or another worker would send the same email again). <see cref="RecordAsync"/> hears each
/// result as it happens, with the email's index, so the sender records it at once: a crash part-way through a
/// batch then re-sends only the email that was on the wire, not every one before it.
/// </summary>
public sealed record EmailBatch(Func<bool> MayStartNext, Func<int, SendResult, Task> RecordAsync);

/// <summary>
/// The sender's loop around <see cref="IEmailChannel.SendAsync"/>, the same for customers' messages and supplier
/// orders: each result is recorded as it comes; if the connection fails, every email without a result is recorded
/// as a transient failure; a failure to record (the database, not the mail server) ends the run, because the claims
/// left behind expire and are reconciled, and at worst the email whose record failed goes again with its Message-ID.
/// </summary>
public static class EmailBatchSending
{
    /// <param name="record">Records one email's result and saves it (see <see cref="Common.UnitOfWork.SaveOrLetGoAsync"/>).</param>
    /// <param name="connectionFailed">Hears why the connection failed, before the untried emails are recorded.</param>
    public static async Task SendAsync(IEmailChannel channel, IReadOnlyList<OutgoingEmail> emails, Func<bool> mayStartNext,
        Func<int, SendResult, Task> record, Action<Exception> connectionFailed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(connectionFailed);
        var recorded = new bool[emails.Count];
        var recordingFailed = false;
        async Task RecordAsync(int i, SendResult result)
        {
            recorded[i] = true;
            try
            {
                await record(i, result);
            }
            catch
            {
                recordingFailed = true;
                throw;
            }
        }

        try
        {
            await channel.SendAsync(emails, new EmailBatch(mayStartNext, RecordAsync), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !recordingFailed)
        {
            connectionFailed(ex);
            for (var i = 0; i < emails.Count; i++)
            {
                if (!recorded[i])
                {
                    await RecordAsync(i, SendResult.Transient(ex.Message));
                }
            }
        }
    }
}

/// <summary>Sends a batch of emails over one connection, reporting one result per email, in order.</summary>
public interface IEmailChannel
{
    string Name { get; }

    /// <summary>
    /// Throws when the connection cannot be made or is lost outside a send, and passes on what
    /// <see cref="EmailBatch.RecordAsync"/> throws (the email being recorded then went, but its record did not).
    /// </summary>
    Task SendAsync(IReadOnlyList<OutgoingEmail> emails, EmailBatch batch, CancellationToken cancellationToken);
}

/// <summary>Sends texts, and can say whether a text was already accepted (to reconcile an interrupted send).</summary>
public interface ISmsChannel
{
    string Name { get; }

    Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken);

    /// <summary>Looks for a message we sent to <paramref name="recipient"/> since <paramref name="since"/> whose body contains a link token with this hash; returns its provider id.</summary>
    Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken);
}
