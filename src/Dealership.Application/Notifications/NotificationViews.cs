using Dealership.Domain.Notifications;
using Riok.Mapperly.Abstractions;

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

/// <summary>Generated (Mapperly): the view is a mechanical copy, and the IQueryable projection reads only its columns.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class NotificationProjection
{
    public static partial NotificationView ToView(this Notification n);

    public static partial IQueryable<NotificationView> ToViews(this IQueryable<Notification> notifications);
}
