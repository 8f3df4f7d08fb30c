using System.Text.Json;
using Dealership.Application.Notifications;

namespace Dealership.Adapters;

/// <summary>
/// The embedded default: with no SMTP or Twilio settings, messages are written to the local outbox folder
/// (<c>{data}/outbox</c>) as .eml and .json files and count as sent, so a fresh clone shows every message
/// without any account. The staff Outbox page renders them as the customer would see them.
/// </summary>
public sealed class LocalOutboxFolder(string path)
{
    public string Path { get; } = path;

    public string Ensure()
    {
        Directory.CreateDirectory(Path);
        return Path;
    }
}

public sealed class LocalFileEmailChannel(LocalOutboxFolder folder) : IEmailChannel
{
    public string Name => "Local outbox (email)";

    public async Task SendAsync(IReadOnlyList<OutgoingEmail> emails, EmailBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(batch);
        var directory = folder.Ensure();
        for (var i = 0; i < emails.Count; i++)
        {
            var email = emails[i];
            if (!batch.MayStartNext())
            {
                await batch.RecordAsync(i, SendResult.NotAttempted);
                continue;
            }

            var message = SmtpEmailChannel.ToMime(email, new SmtpOptions());
            await message.WriteToAsync(System.IO.Path.Combine(directory, $"{email.NotificationId:N}.eml"), cancellationToken);
            await batch.RecordAsync(i, SendResult.Sent(email.MessageId));
        }
    }
}

public sealed class LocalFileSmsChannel(LocalOutboxFolder folder) : ISmsChannel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Name => "Local outbox (SMS)";

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var directory = folder.Ensure();
        var sid = $"LOCAL{sms.NotificationId:N}";
        await File.WriteAllTextAsync(System.IO.Path.Combine(directory, $"{sms.NotificationId:N}.sms.json"),
            JsonSerializer.Serialize(new { sid, to = sms.To, body = sms.Body, statusCallback = sms.StatusCallback, writtenAt = DateTime.UtcNow }, Json), cancellationToken);
        return SendResult.Sent(sid);
    }

    public async Task<string?> FindSentAsync(string recipient, DateTime since, string linkTokenHash, CancellationToken cancellationToken)
    {
        foreach (var file in Directory.Exists(folder.Path) ? Directory.EnumerateFiles(folder.Path, "*.sms.json") : [])
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            var root = document.RootElement;
            if (root.GetProperty("to").GetString() == recipient &&
                TrackingTokens.HashesIn(root.GetProperty("body").GetString() ?? "").Contains(linkTokenHash, StringComparer.Ordinal))
            {
                return root.GetProperty("sid").GetString();
            }
        }

        return null;
    }

    /// <summary>Reads a message file back (the staff Outbox page shows it as a phone would).</summary>
    public static async Task<(string To, string Body)> ReadAsync(string file)
    {
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        return (document.RootElement.GetProperty("to").GetString() ?? "", document.RootElement.GetProperty("body").GetString() ?? "");
    }
}
