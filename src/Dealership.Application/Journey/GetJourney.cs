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
        // Compiled once: the journey is among the busiest reads, and EF's per-call work (reading each query's closure,
        // hashing its expression to find the cached plan) was a twentieth of its CPU at group scale (issue #14).
        private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<bool>> CustomerExists =
            EF.CompileAsyncQuery((DealershipDbContext db, Guid customerId, CancellationToken _) => db.Customers.Any(c => c.Id == customerId));

        private static readonly Func<DealershipDbContext, Guid, Guid?, CancellationToken, Task<int>> CountOf =
            EF.CompileAsyncQuery((DealershipDbContext db, Guid customerId, Guid? subjectId, CancellationToken _) =>
                db.Touchpoints.Count(t => t.CustomerId == customerId && (subjectId == null || t.SubjectId == subjectId)));

        private static readonly Func<DealershipDbContext, Guid, Guid?, int, int, IAsyncEnumerable<TouchpointView>> PageOf =
            EF.CompileAsyncQuery((DealershipDbContext db, Guid customerId, Guid? subjectId, int skip, int take) => db.Touchpoints.AsNoTracking()
                .Where(t => t.CustomerId == customerId && (subjectId == null || t.SubjectId == subjectId))
                .OrderByDescending(t => t.OccurredAt).ThenByDescending(t => t.Id)
                .Skip(skip).Take(take)
                .Select(t => new TouchpointView(t.Id, t.OccurredAt, t.Kind, t.Direction, t.Actor, t.Proactive, t.Summary, t.StaffId, t.SiteId, t.SubjectType, t.SubjectId)));

        public async ValueTask<PagedList<TouchpointView>> Handle(Query query, CancellationToken cancellationToken)
        {
            return await Paging.PageAsync(CountOrRefuseAsync, (skip, take) => PageOf(db, query.CustomerId, query.SubjectId, skip, take),
                query.Page, query.PageSize, cancellationToken);

            // An empty timeline may be an unknown customer (404); one with touchpoints has a customer, so most requests
            // skip the look-up (a statement in three, on one of the busiest reads).
            async Task<int> CountOrRefuseAsync()
            {
                var count = await CountOf(db, query.CustomerId, query.SubjectId, cancellationToken);
                return count > 0 || await CustomerExists(db, query.CustomerId, cancellationToken)
                    ? count
                    : throw new NotFoundException("Customer", query.CustomerId);
            }
        }
    }
}
