using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Dealership.Domain.Orders;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>
/// Watchdog tasks close themselves the moment their cause is gone, in the same transaction: a "late" task
/// when its milestone is recorded or its promise moved, a "silent" task when a message reaches the customer.
/// The watchdog's own run closes any the events missed (it asks the same question that raised them).
/// </summary>
public sealed class TaskResolution(DealershipDbContext db) :
    IDomainEventSubscriber<MilestoneReached>,
    IDomainEventSubscriber<PromisedDateChanged>,
    IDomainEventSubscriber<NotificationSent>
{
    public Task HandleAsync(MilestoneReached domainEvent, CancellationToken cancellationToken) =>
        ResolveAsync($"order/{domainEvent.Order.Id}/late/{domainEvent.Milestone}/", domainEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(PromisedDateChanged domainEvent, CancellationToken cancellationToken) =>
        ResolveAsync($"order/{domainEvent.Order.Id}/late/{domainEvent.Milestone}/", domainEvent.OccurredAt, cancellationToken);

    public async Task HandleAsync(NotificationSent domainEvent, CancellationToken cancellationToken)
    {
        var customer = domainEvent.Notification.CustomerId.ToString();
        var silent = await db.Tasks
            .Where(t => t.Status == StaffTaskStatus.Open && t.SubjectType == "order" && t.DeduplicationKey != null && t.DeduplicationKey.Contains("/silent/")
                        && t.CustomerIds.Contains(customer))
            .ToListAsync(cancellationToken);
        silent.ForEach(t => t.Resolve(domainEvent.OccurredAt));
    }

    private async Task ResolveAsync(string keyPrefix, DateTime now, CancellationToken ct)
    {
        var open = await db.Tasks.Where(t => t.Status == StaffTaskStatus.Open && t.DeduplicationKey != null && t.DeduplicationKey.StartsWith(keyPrefix)).ToListAsync(ct);
        open.ForEach(t => t.Resolve(now));
    }
}
