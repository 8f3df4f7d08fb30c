using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Promises;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Promises;

/// <summary>"Promises kept": kept ÷ (kept + broken), per person and per site (withdrawn and renegotiated do not count).</summary>
public static class GetPromiseStats
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query : IQuery<Stats>;

    public sealed record Rate(Guid Id, string Name, int Kept, int Broken, double? KeptRate);

    public sealed record Stats(IReadOnlyList<Rate> People, IReadOnlyList<Rate> Sites);

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, Stats>
    {
        public async ValueTask<Stats> Handle(Query query, CancellationToken cancellationToken)
        {
            var sites = staff.SiteIds.ToList();
            var counts = await db.Promises.AsNoTracking()
                .Where(p => sites.Contains(p.SiteId) && (p.State == PromiseState.Kept || p.State == PromiseState.Broken))
                .GroupBy(p => new { p.SiteId, p.OwnerStaffId, p.State })
                .Select(g => new { g.Key.SiteId, g.Key.OwnerStaffId, g.Key.State, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var ownerIds = counts.Select(c => c.OwnerStaffId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var siteNames = await db.Sites.AsNoTracking().Where(s => sites.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
            static double? RateOf(int kept, int broken) => kept + broken == 0 ? null : Math.Round((double)kept / (kept + broken), 3);
            var people = counts.GroupBy(c => c.OwnerStaffId).Select(g =>
            {
                var kept = g.Where(x => x.State == PromiseState.Kept).Sum(x => x.Count);
                var broken = g.Where(x => x.State == PromiseState.Broken).Sum(x => x.Count);
                return new Rate(g.Key, names.GetValueOrDefault(g.Key, ""), kept, broken, RateOf(kept, broken));
            }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            var bySite = counts.GroupBy(c => c.SiteId).Select(g =>
            {
                var kept = g.Where(x => x.State == PromiseState.Kept).Sum(x => x.Count);
                var broken = g.Where(x => x.State == PromiseState.Broken).Sum(x => x.Count);
                return new Rate(g.Key, siteNames.GetValueOrDefault(g.Key, ""), kept, broken, RateOf(kept, broken));
            }).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            return new Stats(people, bySite);
        }
    }
}
