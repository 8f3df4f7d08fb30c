using System.Text.Json;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;

namespace Dealership.IntegrationTests;

/// <summary>
/// Reads a queued notification as its customer will: facts are stored raw (ISO dates, UTC times, minor units),
/// so tests assert on the rendered words, in the demo sites' Pacific time, not on the stored facts.
/// </summary>
internal static class Messages
{
    private static readonly TimeZoneInfo Pacific = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static string Read(Notification notification, MessageChannel channel = MessageChannel.Sms)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var facts = JsonSerializer.Deserialize<Dictionary<string, string>>(notification.TemplateData)!;
        return MessageTemplates.Render(notification.TemplateKey, channel, notification.Language,
            new TemplateContext("Dana", "Harbor Motors", "LINK", facts, Pacific, new DateTime(2026, 11, 22, 18, 0, 0, DateTimeKind.Utc))).Text;
    }
}
