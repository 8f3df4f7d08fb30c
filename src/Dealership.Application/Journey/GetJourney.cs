using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Journey;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Journey;

/// <summary>One customer's timeline, newest first: every message, reply, consent change and (later) visit and status change.</summary>
public static class GetJourney
{
    /// <summary><paramref name="SubjectId"/>: only the touchpoints about one order, visit or task of the customer.</summary>
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid CustomerId, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? SubjectId = null) : IQuery<PagedList<TouchpointView>>, IPagedQuery;

    public sealed record TouchpointView(Guid Id, DateTime OccurredAt, TouchpointKind Kind, TouchpointDirection Direction, TouchpointActor Actor,
        bool Proactive, string Summary, Guid? StaffId, Guid? SiteId, string? SubjectType, Guid? SubjectId);

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<TouchpointView>>
    {
        public async ValueTask<PagedList<TouchpointView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", query.CustomerId);
            }

            return await db.Touchpoints.AsNoTracking()
                .Where(t => t.CustomerId == query.CustomerId && (query.SubjectId == null || t.SubjectId == query.SubjectId))
                .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id)
                .Select(t => new TouchpointView(t.Id, t.OccurredAt, t.Kind, t.Direction, t.Actor, t.Proactive, t.Summary, t.StaffId, t.SiteId, t.SubjectType, t.SubjectId))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
