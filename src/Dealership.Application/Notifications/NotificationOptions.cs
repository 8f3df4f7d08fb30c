namespace Dealership.Application.Notifications;

/// <summary>Settings for sending (section "Notifications", plus App:PublicBaseUrl for links and callbacks).</summary>
public sealed class NotificationOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How long a customer's tracking link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>How long a claim is exclusive before the row is reconciled and may be sent again.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>How soon staff should answer a customer's reply (the task's due time, and what the acknowledgement promises).</summary>
    public TimeSpan ReplyAnswerWithin { get; set; } = TimeSpan.FromHours(2);
}
