using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Dealership.Domain.Tasks;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Orders;

/// <summary>What one watchdog run did.</summary>
public sealed record WatchdogReport(int OrdersChecked, int OwnersAlerted, int CustomersUpdated);

/// <summary>
/// The job that notices before the customer does (story 001). For every active order it looks for a
/// promised date that passed without the milestone, and for a customer who has heard nothing for longer
/// than the policy. It first alerts the owner (a task in their inbox); if the owner has not told the customer
/// anything within the grace period, it sends the customer an honest update itself. Every action is a
/// touchpoint; the issue's key (order, what, which date) makes a second run do nothing twice.
/// </summary>
public sealed class OrderWatchdog(
    DealershipDbContext db,
    Outbox outbox,
    UnitOfWork unit,
    TimeProvider clock,
    IOptions<OrderPolicy> policy,
    Common.DealershipMetrics metrics,
    Jobs.RefreshQueryStatistics statistics,
    ILogger<OrderWatchdog> logger)
{
    // A page's save commits its tasks and timeline entries in one transaction, holding the write lock only for them.
    // 500 rather than 200: fewer commits write the same index pages fewer times (issue #14: the first run over 50,000
    // orders in a process of its own, median 3.08 -> 2.89 s over five runs each).
    private const int BatchSize = 500;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    [Jobs.GivesMemoryBack]
    public async Task<WatchdogReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        int checkedOrders = 0, alerted = 0, updated = 0;
        // The active orders' ids first (one narrow query), then a page of orders at a time by id: memory stays flat
        // however many orders there are, each page costs a fixed number of queries, and no page re-reads the rows
        // before it (paging with OFFSET did, so a group's 15,000 active orders took seconds more). The job changes
        // no order, so nothing needs tracking them.
        var active = await db.Orders.AsNoTracking()
            .Where(o => o.CancelledAt == null && o.Status != OrderMilestone.Delivered)
            .Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var ids in active.Chunk(BatchSize))
        {
            // Still active: an order handed over or cancelled since the ids were read gets no task or message.
            // Only what the checks read: the whole order came with its fees, concessions and checklist joined in, and
            // reading 15,000 of them took most of a second more than the rest of a run that finds nothing (issue #14).
            var page = await db.Orders.AsNoTracking()
                .Where(o => ids.Contains(o.Id) && o.CancelledAt == null && o.Status != OrderMilestone.Delivered)
                .Select(o => new WatchedOrder(o.Id, o.SiteId, o.CustomerId, o.OwnerStaffId, o.Status, o.CreatedAt, o.Vehicle,
                    o.Milestones.Select(m => new WatchedMilestone(m.Milestone, m.PromisedDate, m.ReachedAt)).ToList()))
                .ToListAsync(cancellationToken);

            var customerIds = page.Select(o => o.CustomerId).Distinct().ToList();
            var lastContact = await db.Touchpoints.AsNoTracking()
                .Where(t => customerIds.Contains(t.CustomerId) && t.Kind == TouchpointKind.MessageSent)
                .GroupBy(t => t.CustomerId).Select(g => new { g.Key, Last = g.Max(t => t.OccurredAt) })
                .ToDictionaryAsync(x => x.Key, x => x.Last, cancellationToken);
            var orderIds = page.Select(o => o.Id).ToList();
            // The updates already sent matter only for an issue whose owner's grace period ran out, which most pages
            // have none of: read on the first such order, not for every page (issue #14: about 0.3 s of every run over
            // 50,000 orders; the first run 3.5 -> 3.1 s).
            HashSet<string>? updatedKeys = null;
            async Task<bool> AlreadyUpdatedAsync(string issueKey) =>
                (updatedKeys ??= await UpdatesSentAsync(customerIds, cancellationToken)).Any(k => k.StartsWith(issueKey + "/customer", StringComparison.Ordinal));
            var tasks = await db.Tasks
                .Where(t => t.SubjectType == "order" && orderIds.Contains(t.SubjectId!.Value) && t.DeduplicationKey != null)
                .ToListAsync(cancellationToken);
            var existingTasks = tasks.ToDictionary(t => t.DeduplicationKey!, StringComparer.Ordinal);

            foreach (var order in page)
            {
                checkedOrders++;
                var site = sites[order.SiteId];
                var today = DateOnly.FromDateTime(site.ToLocal(now));
                var contacted = lastContact.TryGetValue(order.CustomerId, out var last) ? last : (DateTime?)null;
                var issue = FindIssue(order, today, now, contacted);

                // A task raised for an issue that no longer holds closes itself (the same question that raised it).
                foreach (var stale in tasks.Where(t => t.SubjectId == order.Id && t.Status == StaffTaskStatus.Open && t.DeduplicationKey != issue?.Key))
                {
                    stale.Resolve(now);
                }

                if (issue is null)
                {
                    continue;
                }

                if (!existingTasks.TryGetValue(issue.Key, out var task))
                {
                    db.Tasks.Add(new StaffTask(order.SiteId, order.OwnerStaffId, issue.TaskTitle, issue.TaskDetail, site.AddOpenTime(now, policy.Value.WatchdogGracePeriod),
                        "order", order.Id, [order.CustomerId], now, issue.Key));
                    db.Touchpoints.Add(new Touchpoint(order.CustomerId, order.SiteId, now, TouchpointKind.StaffNote, TouchpointDirection.Internal,
                        TouchpointActor.Dealer, proactive: true, $"Watchdog alerted the owner: {issue.TaskTitle}", subjectType: "order", subjectId: order.Id));
                    alerted++;
                }
                else if (now - task.CreatedAt >= policy.Value.WatchdogGracePeriod && !(contacted >= task.CreatedAt) && !await AlreadyUpdatedAsync(issue.Key))
                {
                    // The owner had the grace period and the customer still heard nothing: tell them ourselves.
                    var customer = await db.Customers.FirstAsync(c => c.Id == order.CustomerId, cancellationToken);
                    var owner = await db.Users.AsNoTracking().Where(u => u.Id == order.OwnerStaffId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
                    var data = issue.CustomerFacts(customer.Language, owner, today);
                    await outbox.QueueAsync(customer, order.SiteId, issue.Template, issue.Key + "/customer", data, urgent: false, proactive: true, cancellationToken);
                    if (issue.Template == MessageTemplates.OrderLate)
                    {
                        // The update promises a call: that promise goes in the ledger, owned by the salesperson.
                        var callBy = TimeZoneInfo.ConvertTimeToUtc(
                            DateTime.SpecifyKind(NextWorkingDay(DateOnly.FromDateTime(site.ToLocal(now))).ToDateTime(new TimeOnly(17, 0)), DateTimeKind.Unspecified), site.TimeZone);
                        db.Promises.Add(new Domain.Promises.CustomerPromise(order.SiteId, order.CustomerId, order.OwnerStaffId,
                            $"Call {customer.FirstName} about the late {order.Vehicle.Describe()}", callBy, Domain.Promises.PromiseKind.Manual, "order", order.Id, null, now));
                    }

                    db.Touchpoints.Add(new Touchpoint(order.CustomerId, order.SiteId, now, TouchpointKind.StaffNote, TouchpointDirection.Internal,
                        TouchpointActor.Dealer, proactive: true, $"Watchdog updated the customer: {issue.TaskTitle}", subjectType: "order", subjectId: order.Id));
                    updated++;
                }
            }

            await unit.SaveAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // Promises that fell due unkept are broken: the kept rate tells the truth without anyone marking it. Oldest
        // first, so a backlog beyond one run's thousand is worked through in the order it fell due.
        var broken = await db.Promises.Where(p => p.State == Domain.Promises.PromiseState.Open && p.DueAt < now)
            .OrderBy(p => p.DueAt).ThenBy(p => p.Id).Take(1000).ToListAsync(cancellationToken);
        broken.ForEach(p => p.MarkBroken(now));
        await unit.SaveAsync(cancellationToken);
        if (alerted + updated > 0)
        {
            logger.LogInformation("Watchdog: {Checked} orders checked, {Alerted} owners alerted, {Updated} customers updated", checkedOrders, alerted, updated);
        }

        metrics.WatchdogFindings(alerted + updated);
        if (alerted > 0)
        {
            // Thousands of new tasks on a busy day: on SQLite's old figures for a small task table, every message sent
            // until the next quarter-hourly refresh scanned it to close its customer's silent tasks (issue #14: dispatch
            // 135 a second after a first run against 238 alone). A run that raised nothing changes nothing to re-measure.
            await statistics.RunAsync(cancellationToken);
        }

        return new WatchdogReport(checkedOrders, alerted, updated);
    }

    private async Task<HashSet<string>> UpdatesSentAsync(List<Guid> customerIds, CancellationToken cancellationToken) =>
        (await db.Notifications.AsNoTracking()
            .Where(n => customerIds.Contains(n.CustomerId) && (n.TemplateKey == MessageTemplates.OrderLate || n.TemplateKey == MessageTemplates.OrderCheckIn))
            .Select(n => n.DeduplicationKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>What the watchdog reads of an active order.</summary>
    private sealed record WatchedOrder(Guid Id, Guid SiteId, Guid CustomerId, Guid OwnerStaffId, OrderMilestone Status, DateTime CreatedAt, VehicleSpec Vehicle,
        List<WatchedMilestone> Milestones);

    private sealed record WatchedMilestone(OrderMilestone Milestone, DateOnly? PromisedDate, DateTime? ReachedAt);

    private sealed record Issue(string Key, string Template, string TaskTitle, string TaskDetail, Func<string, string, DateOnly, Dictionary<string, string>> CustomerFacts);

    private Issue? FindIssue(WatchedOrder order, DateOnly today, DateTime now, DateTime? lastContact)
    {
        var vehicle = order.Vehicle.Describe();
        var overdue = order.Milestones.Where(m => m.ReachedAt == null && m.PromisedDate < today).OrderBy(m => m.Milestone).FirstOrDefault();
        if (overdue is { PromisedDate: { } promised })
        {
            var name = VehicleOrder.Describe(overdue.Milestone);
            return new Issue(
                $"order/{order.Id}/late/{overdue.Milestone}/{promised:yyyyMMdd}",
                MessageTemplates.OrderLate,
                $"Late: {name} for {vehicle} was promised for {promised:MMM d}",
                $"Find out where the {vehicle} is, then record the milestone or move the promise with a reason. If the customer hears nothing from you within {policy.Value.WatchdogGracePeriod.TotalHours:0} hours, they get an honest update automatically.",
                (language, owner, localToday) => new Dictionary<string, string>
                {
                    ["vehicle"] = vehicle,
                    ["milestone"] = overdue.Milestone.ToString(),
                    ["promisedDate"] = TemplateFacts.Day(promised),
                    ["ownerName"] = owner,
                    ["callBy"] = TemplateFacts.Day(NextWorkingDay(localToday)),
                });
        }

        var since = lastContact ?? order.CreatedAt;
        if (now - since > policy.Value.SilenceLimit(order.Status))
        {
            var next = VehicleOrder.After(order.Status);
            return new Issue(
                $"order/{order.Id}/silent/{since:yyyyMMddHHmm}",
                MessageTemplates.OrderCheckIn,
                $"Silent: {order.Vehicle.Describe()} customer has heard nothing since {since:MMM d}",
                "Send the customer a short update on where things stand (even if nothing changed), or they will get an automatic one.",
                (language, owner, _) => new Dictionary<string, string>
                {
                    ["vehicle"] = vehicle,
                    ["status"] = order.Status.ToString(),
                    ["next"] = next?.ToString() ?? "",
                    ["nextDate"] = next is null ? "" : TemplateFacts.Day(order.Milestones.Single(m => m.Milestone == next.Value).PromisedDate),
                    ["ownerName"] = owner,
                });
        }

        return null;
    }

    private static DateOnly NextWorkingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
