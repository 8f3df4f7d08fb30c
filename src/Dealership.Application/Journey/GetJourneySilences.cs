using Dealership.Application.Analytics;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Journey;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Application.Journey;

/// <summary>
/// The stretches in which one customer, with an order under way, heard nothing from us for longer than the
/// stage allowed: the same rule as the watchdog and the dashboard, drawn on the journey page. Newest first.
/// </summary>
public static class GetJourneySilences
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid CustomerId) : IQuery<IReadOnlyList<SilenceView>>;

    /// <param name="Stage">Where the wait went past its limit (the watchdog's stage); <paramref name="Spanned"/> says what it covered.</param>
    public sealed record SilenceView(DateTime From, DateTime To, double Days, string Stage, double LimitHours, Guid OrderId, bool Ongoing, string Spanned = "");

    public sealed class Handler(DealershipDbContext db, TimeProvider clock, IOptions<OrderPolicy> policy) : IQueryHandler<Query, IReadOnlyList<SilenceView>>
    {
        public async ValueTask<IReadOnlyList<SilenceView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", query.CustomerId);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var orders = await db.Orders.AsNoTracking().Where(o => o.CustomerId == query.CustomerId)
                .Select(o => new { o.Id, o.CreatedAt, o.CancelledAt, Reached = o.Milestones.Where(m => m.ReachedAt != null).Select(m => new { m.Milestone, m.ReachedAt }).ToList() })
                .ToListAsync(cancellationToken);
            if (orders.Count == 0)
            {
                return [];
            }

            var earliest = orders.Min(o => o.CreatedAt);
            var heard = await db.Touchpoints.AsNoTracking()
                .Where(t => t.CustomerId == query.CustomerId && t.Actor == TouchpointActor.Dealer && t.OccurredAt >= earliest
                    && (t.Kind == TouchpointKind.MessageSent || t.Kind == TouchpointKind.Call || t.Kind == TouchpointKind.Visit))
                .Select(t => t.OccurredAt)
                .ToListAsync(cancellationToken);

            var silences = new List<SilenceView>();
            foreach (var order in orders)
            {
                var reached = order.Reached.Select(r => (r.Milestone, At: r.ReachedAt!.Value)).ToList();
                var stages = JourneyMath.OrderStages(order.CreatedAt, order.CancelledAt, reached, now, policy.Value);
                foreach (var gap in JourneyMath.Gaps(stages, heard).Where(g => g.OverLimit))
                {
                    var limit = stages.First(s => s.Stage == gap.Stage).Limit;
                    silences.Add(new SilenceView(gap.From, gap.To, Math.Round(gap.Length.TotalDays, 1), gap.Stage, limit.TotalHours, order.Id, gap.To == now,
                        JourneyAnalytics.Spanned(gap)));
                }
            }

            return [.. silences.OrderByDescending(s => s.To).Take(50)];
        }
    }
}
