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

    public async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<OutgoingEmail> emails, Func<bool> mayStartNext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(mayStartNext);
        var settings = options.Value;
        var results = new List<SendResult>(emails.Count);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), settings.Port, settings.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        foreach (var email in emails)
        {
            if (!mayStartNext())
            {
                results.Add(SendResult.NotAttempted);
                continue;
            }

            if (!client.IsConnected)
            {
                results.Add(SendResult.Transient("The SMTP connection was lost during the batch."));
                continue;
            }

            try
            {
                await client.SendAsync(ToMime(email, settings), cancellationToken);
                results.Add(SendResult.Sent(email.MessageId));
            }
            catch (SmtpCommandException ex) when (ex.StatusCode >= (SmtpStatusCode)500)
            {
                logger.LogWarning("SMTP refused {MessageId} for good: {Status} {Message}", email.MessageId, ex.StatusCode, ex.Message);
                results.Add(SendResult.PermanentFailure($"SMTP {(int)ex.StatusCode}: {ex.Message}"));
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException or ServiceNotConnectedException)
            {
                results.Add(SendResult.Transient($"SMTP: {ex.Message}"));
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        return results;
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
