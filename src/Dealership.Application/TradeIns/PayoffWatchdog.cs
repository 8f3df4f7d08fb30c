using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using Dealership.Domain.Tasks;
using Dealership.Domain.TradeIns;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>What one payoff watchdog run did.</summary>
public sealed record PayoffWatchReport(int Checked, int Alerts);

/// <summary>
/// The law's clock on trade-in loans: for every taken-in car whose payoff is not yet sent, alert a manager
/// before the lienholder notice or the payoff falls due (two days ahead, inside opening hours), and when the
/// lender's quote has expired so a new one must be asked for. One task per trade-in and reason (a second run
/// adds nothing); a task whose reason no longer holds closes itself. The promise ledger breaks an unkept
/// "payoff sent by" on its own.
/// </summary>
public sealed class PayoffWatchdog(DealershipDbContext db, UnitOfWork unit, TimeProvider clock)
{
    private const int BatchSize = 200;

    /// <summary>How far ahead of a deadline the manager is alerted.</summary>
    public const int WarningDays = 2;

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 1)]
    public async Task<PayoffWatchReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        int checkedCount = 0, alerts = 0;
        for (var skip = 0; ; skip += BatchSize)
        {
            var page = await db.TradeIns.AsNoTracking()
                .Where(t => (t.Status == TradeInStatus.Received || t.Status == TradeInStatus.Sold) && t.PayoffAmount > 0 && t.PayoffSentAt == null)
                .OrderBy(t => t.Id).Skip(skip).Take(BatchSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            var ids = page.Select(t => (Guid?)t.Id).ToList();
            // A reason alerts once (done or not, the task exists); a new expired quote is a new reason, with its own key.
            var tasks = await db.Tasks.Where(t => t.SubjectType == CustodyRegister.TradeInSubject && ids.Contains(t.SubjectId) && t.DeduplicationKey != null)
                .ToListAsync(cancellationToken);
            var siteIds = page.Select(t => t.SiteId).Distinct().ToList();
            var managers = await db.StaffSites.Where(s => siteIds.Contains(s.SiteId))
                .Join(db.UserRoles, s => s.StaffUserId, ur => ur.UserId, (s, ur) => new { s.SiteId, s.StaffUserId, ur.RoleId })
                .Join(db.Roles.Where(r => r.Name == StaffRoles.Manager), x => x.RoleId, r => r.Id, (x, _) => new { x.SiteId, x.StaffUserId })
                .Join(db.Users.Where(u => u.IsActive), x => x.StaffUserId, u => u.Id, (x, _) => x)
                .ToListAsync(cancellationToken);
            foreach (var t in page)
            {
                checkedCount++;
                var site = sites[t.SiteId];
                var today = DateOnly.FromDateTime(site.ToLocal(now));
                var wanted = Reasons(t, today).ToList();
                foreach (var stale in tasks.Where(x => x.SubjectId == t.Id && x.Status == StaffTaskStatus.Open && wanted.All(w => w.Key != x.DeduplicationKey)))
                {
                    stale.Resolve(now);
                }

                foreach (var (key, title, detail) in wanted.Where(w => tasks.All(x => x.DeduplicationKey != w.Key)))
                {
                    var manager = managers.Where(m => m.SiteId == t.SiteId).Select(m => (Guid?)m.StaffUserId).FirstOrDefault();
                    db.Tasks.Add(new StaffTask(t.SiteId, manager, title, detail, site.AddOpenTime(now, TimeSpan.FromHours(4)), CustodyRegister.TradeInSubject, t.Id,
                        [t.CustomerId], now, key));
                    db.Touchpoints.Add(new Touchpoint(t.CustomerId, t.SiteId, now, TouchpointKind.StaffNote, TouchpointDirection.Internal, TouchpointActor.Dealer,
                        proactive: true, $"Payoff watchdog alerted a manager: {title}", subjectType: CustodyRegister.TradeInSubject, subjectId: t.Id));
                    alerts++;
                }
            }

            await unit.SaveAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return new PayoffWatchReport(checkedCount, alerts);
    }

    private static IEnumerable<(string Key, string Title, string Detail)> Reasons(TradeIn t, DateOnly today)
    {
        var car = t.Vehicle.Describe();
        if (t.LienholderNotifiedAt is null && t.LienholderNoticeDueBy is { } notice && today >= notice.AddDays(-WarningDays))
        {
            yield return ($"trade-in/{t.Id}/lienholder-notice", $"Tell {t.LenderName} the {car} was traded in (due {Readable.Day(notice)})",
                $"The law gives until {Readable.Day(notice)} to notify the lienholder. Record it on the trade-in once done.");
        }

        if (t.PayoffGoodUntil is { } goodUntil && today > goodUntil)
        {
            yield return ($"trade-in/{t.Id}/new-quote/{goodUntil:yyyyMMdd}", $"Ask {t.LenderName} for a new payoff quote for the {car}",
                $"The quote was good until {Readable.Day(goodUntil)}; the payoff cannot be sent on it. Interest from here on is the dealer's, not the customer's.");
        }

        if (t.PayoffDueBy is { } due && today >= due.AddDays(-WarningDays))
        {
            yield return ($"trade-in/{t.Id}/payoff-due", $"Send the payoff for the {car} to {t.LenderName} (due {Readable.Day(due)})",
                $"The payoff must be sent by {Readable.Day(due)}. The customer was promised it; record it with its reference once sent.");
        }
    }
}
