using Dealership.Domain.Notifications;

namespace Dealership.Application.Notifications;

/// <summary>A message as staff see it: the stored copy, with the customer's link masked.</summary>
public sealed record NotificationView(
    Guid Id,
    Guid CustomerId,
    MessageChannel Channel,
    string TemplateKey,
    string Language,
    NotificationStatus Status,
    SuppressionReason? SuppressionReason,
    string? Recipient,
    string? Subject,
    string? Body,
    int Attempts,
    string? LastError,
    DateTime CreatedAt,
    DateTime DueAt,
    DateTime? SentAt,
    DateTime? DeliveredAt,
    string? ProviderMessageId,
    bool Proactive);

public static class NotificationProjection
{
    public static NotificationView ToView(this Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.CustomerId, n.Channel, n.TemplateKey, n.Language, n.Status, n.SuppressionReason,
            n.Recipient, n.Subject, n.Body, n.Attempts, n.LastError, n.CreatedAt, n.DueAt, n.SentAt, n.DeliveredAt, n.ProviderMessageId, n.Proactive);
    }

    public static IQueryable<NotificationView> ToViews(this IQueryable<Notification> notifications) =>
        notifications.Select(n => new NotificationView(n.Id, n.CustomerId, n.Channel, n.TemplateKey, n.Language, n.Status, n.SuppressionReason,
            n.Recipient, n.Subject, n.Body, n.Attempts, n.LastError, n.CreatedAt, n.DueAt, n.SentAt, n.DeliveredAt, n.ProviderMessageId, n.Proactive));
}
