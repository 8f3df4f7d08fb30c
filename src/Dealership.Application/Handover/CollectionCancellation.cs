using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>
/// A cancelled order lets go of its collection, in the same transaction as the cancellation: the bay and the
/// salesperson's time are free again, and a reminder already queued ("tomorrow's the day") is withdrawn before
/// it can mislead the customer. Open promises are withdrawn by the promise ledger's own subscriber.
/// </summary>
public sealed class CollectionCancellation(DealershipDbContext db) : IDomainEventSubscriber<OrderCancelled>
{
    public async Task HandleAsync(OrderCancelled domainEvent, CancellationToken cancellationToken)
    {
        var orderId = domainEvent.Order.Id;
        var booking = await db.CollectionBookings.FirstOrDefaultAsync(b => b.OrderId == orderId, cancellationToken);
        if (booking is not null)
        {
            db.CollectionBookings.Remove(booking);
        }

        var prefix = $"order/{orderId}/collection/";
        var pending = await db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith(prefix) && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Deferred))
            .ToListAsync(cancellationToken);
        foreach (var reminder in pending)
        {
            reminder.Suppress(SuppressionReason.Withdrawn, domainEvent.OccurredAt);
        }
    }
}

/// <summary>
/// Once the car is handed over, anything still waiting to be sent about the order's road to delivery
/// (a collection reminder deferred by quiet hours, a "pick your time" nudge, a late-milestone apology) is
/// withdrawn in the same transaction: a customer who drove away yesterday must not be told this morning to
/// choose a collection time. The delivery message itself is queued by the same commit and is not touched.
/// </summary>
public sealed class StaleOrderMessagesAtDelivery(DealershipDbContext db) : IDomainEventSubscriber<OrderDelivered>
{
    public async Task HandleAsync(OrderDelivered domainEvent, CancellationToken cancellationToken)
    {
        var orderId = domainEvent.Order.Id;
        var prefix = $"order/{orderId}/";
        var keep = $"order/{orderId}/delivered";
        var stale = await db.Notifications
            .Where(n => n.DeduplicationKey.StartsWith(prefix) && !n.DeduplicationKey.StartsWith(keep)
                && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Deferred || n.Status == NotificationStatus.Failed))
            .ToListAsync(cancellationToken);
        foreach (var message in stale)
        {
            message.Suppress(SuppressionReason.Withdrawn, domainEvent.OccurredAt);
        }
    }
}
