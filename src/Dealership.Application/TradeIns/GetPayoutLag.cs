using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.TradeIns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// The headline figure of story 000: days from the customer handing over their car to being credited or paid,
/// over the last 90 days at the caller's sites, for swaps (must be 0) and stand-alone purchases; with the payoffs
/// still to send and the custody alerts, so a manager sees at a glance whether anyone is left waiting.
/// </summary>
public static class GetPayoutLag
{
    [Allowed(Access.ReadTradeIns)]
    public sealed record Query : IQuery<PayoutLag>;

    public sealed record PayoutLag(int Swaps, double SwapLagDays, int Purchases, double PurchaseLagDays, int PayoffsToSend, int PayoffsOverdue, int CustodyAlerts);

    public const int WindowDays = 90;

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, ICurrentStaff staff, TimeProvider clock) : IQueryHandler<Query, PayoutLag>
    {
        public async ValueTask<PayoutLag> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now.AddDays(-WindowDays);
            var taken = access.Visible().AsNoTracking().Where(t => t.ReceivedAt != null && t.ReceivedAt >= since);
            // Credit and custody are one step, so nearly every row has lag 0: count those in SQL, read only the rest.
            var counts = await taken.GroupBy(t => t.OrderId != null)
                .Select(g => new { Swap = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            var lagging = await taken.Where(t => t.CreditedAt == null || t.CreditedAt != t.ReceivedAt)
                // Oldest first: past the cap, the rows left out are the newest, with the least lag to add.
                .OrderBy(t => t.ReceivedAt).ThenBy(t => t.Id)
                .Select(t => new { Swap = t.OrderId != null, t.ReceivedAt, t.CreditedAt }).Take(5_000).ToListAsync(cancellationToken);
            double Average(bool swap)
            {
                var total = counts.Where(c => c.Swap == swap).Sum(c => c.Count);
                return total == 0 ? 0 : lagging.Where(l => l.Swap == swap).Sum(l => ((l.CreditedAt ?? now).Date - l.ReceivedAt!.Value.Date).TotalDays) / total;
            }

            var open = access.Visible().AsNoTracking()
                .Where(t => (t.Status == TradeInStatus.Received || t.Status == TradeInStatus.Sold) && t.PayoffAmount > 0 && t.PayoffSentAt == null);
            // Overdue means past the deadline at the car's own site, whose day may differ from another site's.
            var overdue = 0;
            foreach (var site in await db.Sites.AsNoTracking().Where(s => staff.SiteIds.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                var siteToday = DateOnly.FromDateTime(site.ToLocal(now));
                overdue += await open.CountAsync(t => t.SiteId == site.Id && t.PayoffDueBy < siteToday, cancellationToken);
            }

            var alerts = await db.Custody.AsNoTracking().AtMySites(staff)
                .Where(c => c.ReleasedAt == null && c.SubjectType == CustodyRegister.TradeInSubject &&
                    !db.TradeIns.Any(t => t.Id == c.SubjectId && (t.Status == TradeInStatus.Received || t.Status == TradeInStatus.Sold)))
                .CountAsync(cancellationToken);
            return new PayoutLag(counts.Where(c => c.Swap).Sum(c => c.Count), Average(true), counts.Where(c => !c.Swap).Sum(c => c.Count), Average(false),
                await open.CountAsync(cancellationToken), overdue, alerts);
        }
    }
}
