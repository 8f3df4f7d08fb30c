using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Tasks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tasks;

/// <summary>
/// The caller's inbox: tasks they own, plus (for managers) the unowned tasks of their sites. Open ones first,
/// soonest due first.
/// </summary>
public static class ListTasks
{
    public sealed record Query(bool IncludeDone = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<TaskView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<TaskView>>
    {
        public async ValueTask<PagedList<TaskView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await Inbox(db, staff)
                .Where(t => query.IncludeDone || t.Status == StaffTaskStatus.Open)
                .OrderBy(t => t.Status).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<TaskView>(page.Items.Select(ToView).ToList(), page.Page, page.PageSize, page.Total);
        }
    }

    /// <summary>Open tasks in the caller's inbox: the unread count in the navigation.</summary>
    public sealed record CountOpen : IQuery<int>;

    public sealed class CountHandler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<CountOpen, int>
    {
        public async ValueTask<int> Handle(CountOpen query, CancellationToken cancellationToken) =>
            await Inbox(db, staff).CountAsync(t => t.Status == StaffTaskStatus.Open, cancellationToken);
    }

    internal static IQueryable<StaffTask> Inbox(DealershipDbContext db, ICurrentStaff staff)
    {
        var me = staff.RequireStaffId();
        var managedSites = staff.IsInRole(Data.StaffRoles.Manager) ? staff.SiteIds.ToList() : [];
        return db.Tasks.AsNoTracking().Where(t => t.OwnerStaffId == me || (t.OwnerStaffId == null && managedSites.Contains(t.SiteId)));
    }

    internal static TaskView ToView(StaffTask t) => new(t.Id, t.SiteId, t.OwnerStaffId, t.Title, t.Detail, t.DueAt, t.SubjectType, t.SubjectId,
        t.CustomerIdList, t.Status, t.CreatedAt, t.DoneAt);
}
