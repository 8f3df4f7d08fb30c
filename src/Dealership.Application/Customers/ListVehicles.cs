using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Customers;

/// <summary>The vehicles on a customer's record, newest model year first.</summary>
public static class ListVehicles
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid CustomerId, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<VehicleView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, PagedList<VehicleView>>
    {
        public async ValueTask<PagedList<VehicleView>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", query.CustomerId);
            }

            return await db.Vehicles.AsNoTracking()
                .Where(v => v.CustomerId == query.CustomerId)
                .OrderByDescending(v => v.Year).ThenBy(v => v.Vin)
                .ProjectToView()
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
