using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Customers;

/// <summary>One customer with their contact preferences and consent record. Every staff role may read customers.</summary>
public static class GetCustomer
{
    [Allowed(Access.AnyStaff)]
    public sealed record Query(Guid CustomerId) : IQuery<CustomerView>;

    public sealed class Handler(DealershipDbContext db) : IQueryHandler<Query, CustomerView>
    {
        public async ValueTask<CustomerView> Handle(Query query, CancellationToken cancellationToken)
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.CustomerId, cancellationToken)
                ?? throw new NotFoundException("Customer", query.CustomerId);
            return customer.ToView() with
            {
                OwnerName = customer.OwnerStaffId is { } owner
                    ? await db.Users.AsNoTracking().Where(u => u.Id == owner).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
                    : null,
                RegisteredAtSiteName = await db.Sites.AsNoTracking().Where(s => s.Id == customer.RegisteredAtSiteId).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken),
            };
        }
    }
}
