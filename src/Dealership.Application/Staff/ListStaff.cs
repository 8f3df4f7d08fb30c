using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Staff;

/// <summary>Staff who work at the caller's current site, with their roles (one query for users, one for roles).</summary>
public static class ListStaff
{
    [Allowed(Access.ManageSite)]
    public sealed record Query(int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<StaffView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<StaffView>>
    {
        public async ValueTask<PagedList<StaffView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteId = staff.SiteId;
            var page = await db.Users.AsNoTracking()
                .Where(u => u.Sites.Any(s => s.SiteId == siteId))
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PrimarySiteId, u.IsActive, Sites = u.Sites.Select(s => s.SiteId).ToList() })
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            var ids = page.Items.Select(i => i.Id).ToList();
            var roles = await db.UserRoles.AsNoTracking()
                .Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken);
            var items = page.Items.Select(u => new StaffView(u.Id, u.Email ?? "", u.DisplayName,
                    roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.Sites, u.PrimarySiteId, u.IsActive))
                .ToList();
            return new PagedList<StaffView>(items, page.Page, page.PageSize, page.Total);
        }
    }
}
