using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>One of the caller's sites with every setting and its version (the ETag a change sends back as If-Match).</summary>
public static class GetSite
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid SiteId) : IQuery<ListMySites.SiteView>;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, ListMySites.SiteView>
    {
        public async ValueTask<ListMySites.SiteView> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SiteId && staff.SiteIds.Contains(s.Id), cancellationToken)
                ?? throw new NotFoundException("Site", query.SiteId);
            return ListMySites.SiteView.From(site, site.Id == staff.SiteId);
        }
    }
}
