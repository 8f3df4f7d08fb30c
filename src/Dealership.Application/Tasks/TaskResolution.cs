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
public sealed class TaskResolution(DealershipDbContext db, UnitOfWork unit) :
    IDomainEventSubscriber<MilestoneReached>,
    IDomainEventSubscriber<PromisedDateChanged>,
    IDomainEventSubscriber<NotificationSent>
{
    public async Task HandleAsync(MilestoneReached domainEvent, CancellationToken cancellationToken)
    {
        var late = $"order/{domainEvent.Order.Id}/late/{domainEvent.Milestone}/";
        await ResolveAsync(late, domainEvent.OccurredAt, cancellationToken);

        // The watchdog raises late tasks without changing the order, so no version notices one raised after this read
        // when the milestone reads before the write lock (ADR 0027): look again just before the save.
        unit.AgainInTurn(() => ResolveAsync(late, domainEvent.OccurredAt, cancellationToken));
    }

    public Task HandleAsync(PromisedDateChanged domainEvent, CancellationToken cancellationToken) =>
        ResolveAsync($"order/{domainEvent.Order.Id}/late/{domainEvent.Milestone}/", domainEvent.OccurredAt, cancellationToken);

    public async Task HandleAsync(NotificationSent domainEvent, CancellationToken cancellationToken)
    {
        // The silent tasks of every order of the customer (the delivery email closes the silent task of an order just
        // handed over), in one statement that seeks the tasks by their order (SubjectType, SubjectId): this runs for
        // every message sent, and asking order by order was one more statement for each order the customer has. The
        // watchdog raises them about the order, keyed "order/{id}/silent/{since}".
        // Read whole before any is changed: a reader left open under the loop fails on server databases the moment
        // someone adds a query to it.
        foreach (var task in await SilentTasksOfCustomer(db, domainEvent.Notification.CustomerId).ToListAsync(cancellationToken))
        {
            task.Resolve(domainEvent.OccurredAt);
        }
    }

    /// <summary>
    /// Open tasks whose key starts with the prefix. On SQLite a LIKE with an escape cannot use the key's index, so the
    /// prefix is also given as a range (SQLite compares bytes). Server databases get LIKE 'prefix%' only: their
    /// linguistic collations may order '/' and '-' differently, so a range could miss rows (SQL Server seeks on such a
    /// LIKE; PostgreSQL does only with a pattern-ops or C-collation index, which the key's index is not).
    /// </summary>
    private async Task ResolveAsync(string keyPrefix, DateTime now, CancellationToken ct)
    {
        var open = db.OnSqlite ? OpenByKeyRange(db, keyPrefix, keyPrefix[..^1] + (char)(keyPrefix[^1] + 1)) : OpenByKeyPrefix(db, keyPrefix);
        foreach (var task in await open.ToListAsync(ct))
        {
            task.Resolve(now);
        }
    }

    // Compiled: a recorded milestone asks twice (ADR 0027) and every message sent asks once, and EF's per-call work on an
    // ordinary query (reading the expression for its parameters, finding its plan) cost more than SQLite's answer.
    // Tracked, whatever a context's default: the tasks found are closed in the same unit.
#pragma warning disable CA1309 // translated to SQL comparisons (byte order on SQLite), not run in .NET
    private static readonly Func<DealershipDbContext, string, string, IAsyncEnumerable<StaffTask>> OpenByKeyRange =
        EF.CompileAsyncQuery((DealershipDbContext db, string prefix, string end) => db.Tasks.AsTracking().Where(t => t.Status == StaffTaskStatus.Open &&
            t.DeduplicationKey != null && t.DeduplicationKey.StartsWith(prefix) &&
            string.Compare(t.DeduplicationKey, prefix) >= 0 && string.Compare(t.DeduplicationKey, end) < 0));
#pragma warning restore CA1309

    private static readonly Func<DealershipDbContext, string, IAsyncEnumerable<StaffTask>> OpenByKeyPrefix =
        EF.CompileAsyncQuery((DealershipDbContext db, string prefix) => db.Tasks.AsTracking().Where(t => t.Status == StaffTaskStatus.Open &&
            t.DeduplicationKey != null && t.DeduplicationKey.StartsWith(prefix)));

    private static readonly Func<DealershipDbContext, Guid, IAsyncEnumerable<StaffTask>> SilentTasksOfCustomer =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid customerId) => db.Tasks.AsTracking().Where(t => t.Status == StaffTaskStatus.Open && t.SubjectType == "order" &&
            db.Orders.Where(o => o.CustomerId == customerId).Select(o => (Guid?)o.Id).Contains(t.SubjectId) &&
            t.DeduplicationKey != null && t.DeduplicationKey.StartsWith("order/") && t.DeduplicationKey.Contains("/silent/")));
}
