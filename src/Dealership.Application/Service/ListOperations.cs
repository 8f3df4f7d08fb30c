using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>The operation catalogue, optionally filtered by code or description prefix.</summary>
public static class ListOperations
{
    [Allowed(Access.ReadService)]
    public sealed record Query(string? Search, int Page, int PageSize) : IQuery<PagedList<OperationView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<OperationView>>
    {
        public async ValueTask<PagedList<OperationView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var operations = db.ServiceOperations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var term = query.Search.Trim();
                var upper = term.ToUpperInvariant();
                operations = operations.Where(o => o.Code.StartsWith(upper) || o.Description.Contains(term));
            }

            var page = await operations.OrderBy(o => o.Code).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<OperationView>(page.Items.Select(OperationView.From).ToList(), page.Page, page.PageSize, page.Total);
        }
    }
}
