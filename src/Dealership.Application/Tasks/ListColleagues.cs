using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>Active people at a site the caller works at (their current one by default), by name: whom a conversation there can be handed to.</summary>
public static class ListColleagues
{
    public sealed record Colleague(Guid Id, string DisplayName);

    [Allowed(Access.AnyStaff)]
    public sealed record Query(int Page = 1, int PageSize = 200, Guid? SiteId = null) : IQuery<PagedList<Colleague>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<Colleague>>
    {
        public async ValueTask<PagedList<Colleague>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteId = query.SiteId ?? staff.SiteId;
            if (!staff.SiteIds.Contains(siteId))
            {
                throw new NotFoundException("Site", siteId);
            }

            return await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Sites.Any(s => s.SiteId == siteId))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new Colleague(u.Id, u.DisplayName))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
