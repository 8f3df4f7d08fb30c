using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Decisions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>Decisions at the caller's sites, newest first; filter by subject, customer, status, who decided, kind and outcome.</summary>
public static class ListDecisions
{
    [Allowed(Access.ReadDecisions)]
    public sealed record Query(Guid? SubjectId, Guid? CustomerId, DecisionStatus? Status, int Page, int PageSize,
        Guid? StaffId = null, DecisionAction? Action = null, DecisionOutcome? Outcome = null) : IQuery<PagedList<DecisionView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<DecisionView>>
    {
        public async ValueTask<PagedList<DecisionView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteIds = staff.SiteIds.ToList();
            var decisions = db.Decisions.AsNoTracking().Where(d => siteIds.Contains(d.SiteId));
            if (query.SubjectId is { } subject)
            {
                decisions = decisions.Where(d => d.SubjectId == subject);
            }

            if (query.CustomerId is { } customer)
            {
                decisions = decisions.Where(d => d.CustomerId == customer);
            }

            if (query.Status is { } status)
            {
                decisions = decisions.Where(d => d.Status == status);
            }

            if (query.StaffId is { } by)
            {
                decisions = decisions.Where(d => d.StaffId == by);
            }

            if (query.Action is { } action)
            {
                decisions = decisions.Where(d => d.Action == action);
            }

            if (query.Outcome is { } outcome)
            {
                decisions = decisions.Where(d => d.Outcome == outcome);
            }

            // The approvals queue reads oldest first (who has waited longest); history newest first.
            var ordered = query.Status == DecisionStatus.AwaitingApproval ? decisions.OrderBy(d => d.CreatedAt) : decisions.OrderByDescending(d => d.CreatedAt);
            var page = await ordered
                .Join(db.Users, d => d.StaffId, u => u.Id, (d, u) => new { d, u.DisplayName })
                .Join(db.Customers, x => x.d.CustomerId, c => c.Id, (x, c) => new { x.d, x.DisplayName, Customer = c.FirstName + " " + c.LastName })
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<DecisionView>(page.Items.Select(x => DecisionView.From(x.d, x.DisplayName, null) with { CustomerName = x.Customer }).ToList(),
                page.Page, page.PageSize, page.Total);
        }
    }
}
