using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>The group's suppliers by name, one page.</summary>
public static class ListSuppliers
{
    [Allowed(Access.ReadParts)]
    public sealed record Query(int Page, int PageSize) : IQuery<PagedList<SupplierView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<SupplierView>>
    {
        public async ValueTask<PagedList<SupplierView>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Suppliers.AsNoTracking().OrderBy(s => s.Name).ToViews()
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
