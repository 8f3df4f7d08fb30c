using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Tasks;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>What one escalation run did.</summary>
public sealed record EscalationReport(int Waiting, int Escalated);

/// <summary>
/// "Approvals in minutes": a request nobody at its site has answered within an hour of open time goes to every
/// manager of the group, once (the task's key), so a customer is never kept waiting because one manager is out.
/// </summary>
public sealed class ApprovalEscalation(DealershipDbContext db, UnitOfWork unit, TimeProvider clock)
{
    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(1);

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    [AutomaticRetry(Attempts = 1)]
    public async Task<EscalationReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.AwaitingApproval)
            .OrderBy(d => d.CreatedAt).Take(500).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return new EscalationReport(0, 0);
        }

        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var overdue = waiting.Where(d => sites[d.SiteId].AddOpenTime(d.CreatedAt, AnswerWithin) <= now).ToList();
        var ids = overdue.Select(d => (Guid?)d.Id).ToList();
        var done = (await db.Tasks.Where(t => t.SubjectType == DecisionSubscribers.Subject && ids.Contains(t.SubjectId) && t.DeduplicationKey != null
                && t.DeduplicationKey.EndsWith("/escalated")).Select(t => t.SubjectId).ToListAsync(cancellationToken)).ToHashSet();
        var managers = await ActiveManagers.IdsAsync(db, siteId: null, cancellationToken);
        var escalated = 0;
        await unit.ExecuteAsync(async () =>
        {
            foreach (var d in overdue.Where(d => !done.Contains(d.Id)))
            {
                var amount = d.Amount is { } a && d.Currency is { } c ? $" of {new Money(a, c).Format(CultureInfo.GetCultureInfo("en-US"))}" : "";
                foreach (var manager in managers.Where(m => m != d.StaffId))
                {
                    db.Tasks.Add(new StaffTask(d.SiteId, manager, $"Waiting over an hour: {Service.OfferRecovery.Describe(d.Action)}{amount} at {sites[d.SiteId].Name}",
                        $"Nobody has answered yet: {d.Reason}", now, DecisionSubscribers.Subject, d.Id, [d.CustomerId], now, $"decision/{d.Id}/{manager:N}/escalated"));
                }

                escalated++;
            }

            return escalated;
        }, cancellationToken);
        return new EscalationReport(waiting.Count, escalated);
    }
}
