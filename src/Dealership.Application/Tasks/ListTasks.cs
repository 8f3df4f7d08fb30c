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
    [Allowed(Access.AnyStaff)]
    public sealed record Query(bool IncludeDone = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<TaskView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<TaskView>>
    {
        public async ValueTask<PagedList<TaskView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await Inbox(db, staff)
                .Where(t => query.IncludeDone || t.Status == StaffTaskStatus.Open)
                .OrderBy(t => t.Status).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            // One query for the names of every customer on the page, not one per task.
            var customerIds = page.Items.SelectMany(t => t.CustomerIdList).Distinct().ToList();
            var names = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
                .Select(c => new { c.Id, Name = c.FirstName + " " + c.LastName })
                .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
            var views = page.Items.Select(t => ToView(t) with
            {
                CustomerNames = t.CustomerIdList.Where(names.ContainsKey).ToDictionary(id => id, id => names[id]),
            }).ToList();
            return new PagedList<TaskView>(views, page.Page, page.PageSize, page.Total);
        }
    }

    internal static IQueryable<StaffTask> Inbox(DealershipDbContext db, ICurrentStaff staff)
    {
        var me = staff.RequireStaffId();
        var managedSites = staff.IsInRole(Data.StaffRoles.Manager) ? staff.SiteIds.ToList() : [];
        return db.Tasks.AsNoTracking().Where(t => t.OwnerStaffId == me || (t.OwnerStaffId == null && managedSites.Contains(t.SiteId)));
    }

    /// <summary>
    /// Tasks the caller may close: their own, and every task of the sites they manage. Anything else is "not
    /// found", never revealed.
    /// </summary>
    internal static IQueryable<StaffTask> Closable(DealershipDbContext db, ICurrentStaff staff)
    {
        var me = staff.RequireStaffId();
        var managedSites = staff.IsInRole(Data.StaffRoles.Manager) ? staff.SiteIds.ToList() : [];
        return db.Tasks.Where(t => t.OwnerStaffId == me || managedSites.Contains(t.SiteId));
    }

    /// <summary>Whether the caller manages the task's site (and so may close any task there).</summary>
    internal static bool ManagesSite(ICurrentStaff staff, StaffTask task) =>
        staff.IsInRole(Data.StaffRoles.Manager) && staff.SiteIds.Contains(task.SiteId);

    internal static TaskView ToView(StaffTask t) => new(t.Id, t.SiteId, t.OwnerStaffId, t.Title, t.Detail, t.DueAt, t.SubjectType, t.SubjectId,
        t.CustomerIdList, t.Status, t.CreatedAt, t.DoneAt);
}
