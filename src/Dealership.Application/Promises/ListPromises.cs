using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Promises;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Promises;

/// <summary>Promises at the caller's sites by owner and due window (overdue, today, week, or all open), soonest first.</summary>
public static class ListPromises
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid? OwnerStaffId, string? Due, PromiseState? State, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? SubjectId = null) : IQuery<PagedList<PromiseView>>, IPagedQuery;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Due).Must(d => d is null or "overdue" or "today" or "week").WithMessage("due is overdue, today or week.");
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : IQueryHandler<Query, PagedList<PromiseView>>
    {
        public async ValueTask<PagedList<PromiseView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var sites = staff.SiteIds.ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            var promises = db.Promises.AsNoTracking().Where(p => sites.Contains(p.SiteId));
            if (query.OwnerStaffId is { } owner)
            {
                promises = promises.Where(p => p.OwnerStaffId == owner);
            }

            if (query.SubjectId is { } subject)
            {
                promises = promises.Where(p => p.SubjectId == subject);
            }

            if (query.State is { } state)
            {
                promises = promises.Where(p => p.State == state);
            }

            promises = query.Due switch
            {
                "overdue" => promises.Where(p => p.State == PromiseState.Open && p.DueAt < now),
                "today" => promises.Where(p => p.State == PromiseState.Open && p.DueAt >= now && p.DueAt < now.AddDays(1)),
                "week" => promises.Where(p => p.State == PromiseState.Open && p.DueAt < now.AddDays(7)),
                _ => promises,
            };
            var page = await promises.OrderBy(p => p.DueAt).ThenBy(p => p.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<PromiseView>(page.Items.Select(p => p.ToView()).ToList(), page.Page, page.PageSize, page.Total);
        }
    }
}
