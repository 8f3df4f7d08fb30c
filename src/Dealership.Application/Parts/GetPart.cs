using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>One part at the caller's sites, with stock and suppliers.</summary>
public static class GetPart
{
    [Allowed(Access.ReadParts)]
    public sealed record Query(Guid Id) : IQuery<PartView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PartView>
    {
        public async ValueTask<PartView> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteIds = staff.SiteIds.ToList();
            var part = await db.Parts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id && siteIds.Contains(p.SiteId), cancellationToken)
                ?? throw new NotFoundException("Part", query.Id);
            return (await db.ToViewsAsync([part], cancellationToken))[0];
        }
    }
}
