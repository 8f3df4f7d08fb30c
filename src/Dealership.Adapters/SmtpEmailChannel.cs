using Dealership.Application.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dealership.Adapters;

/// <summary>SMTP settings (section "Email:Smtp"). Without a Host, email goes to the local outbox folder instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "updates@dealership.local";

    public string FromName { get; set; } = "Harbor Motors";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Sends a batch over one SMTP connection (MailKit). A refusal of one message (5xx for that recipient) fails
/// only that message, permanently; a lost connection fails the rest of the batch transiently.
/// </summary>
public sealed class SmtpEmailChannel(IOptions<SmtpOptions> options, ILogger<SmtpEmailChannel> logger) : IEmailChannel
{
    public string Name => "SMTP";

    public async Task SendAsync(IReadOnlyList<OutgoingEmail> emails, EmailBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(batch);
        var settings = options.Value;
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        for (var i = 0; i < emails.Count; i++)
        {
            await batch.RecordAsync(i, await SendOneAsync(client, emails[i], batch, settings, cancellationToken));
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    private async Task<SendResult> SendOneAsync(SmtpClient client, OutgoingEmail email, EmailBatch batch, SmtpOptions settings, CancellationToken cancellationToken)
    {
        if (!batch.MayStartNext())
        {
            return SendResult.NotAttempted;
        }

        if (!client.IsConnected)
        {
            return SendResult.Transient("The SMTP connection was lost during the batch.");
        }

        // MailKit's Timeout bounds each read and write; this bounds the whole email, so a slow server cannot stretch
        // one send past the sender's lease (ADR 0025). A cut-off send is an unknown outcome: retried with its Message-ID.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.Timeout);
        try
        {
            await client.SendAsync(ToMime(email, settings), budget.Token);
            return SendResult.Sent(email.MessageId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"SMTP: no answer within {settings.Timeout.TotalSeconds:0} seconds.");
        }
        catch (SmtpCommandException ex) when (ex.StatusCode >= (SmtpStatusCode)500)
        {
            logger.LogWarning("SMTP refused {MessageId} for good: {Status} {Message}", email.MessageId, ex.StatusCode, ex.Message);
            return SendResult.PermanentFailure($"SMTP {(int)ex.StatusCode}: {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
        {
            return SendResult.Transient($"SMTP: {ex.Message}");
        }
    }

    internal static MimeMessage ToMime(OutgoingEmail email, SmtpOptions settings)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            // Deterministic: a copy sent again after an interrupted batch has the same id, so mail clients drop it.
            MessageId = email.MessageId,
        };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(email.ToName, email.To));
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();
        return message;
    }
}
