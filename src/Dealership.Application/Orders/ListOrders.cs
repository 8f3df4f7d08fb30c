using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Orders;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>Orders at the caller's sites, filtered by status (a milestone, or "cancelled") and owner ("me" or an id), newest first.</summary>
public static class ListOrders
{
    [Allowed(Access.ReadOrders)]
    public sealed record Query(OrderMilestone? Status, bool? Cancelled, Guid? OwnerStaffId, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? CustomerId = null) : IQuery<PagedList<OrderSummary>>, IPagedQuery;

    public sealed record OrderSummary(Guid Id, Guid CustomerId, string CustomerName, Guid OwnerStaffId, string OwnerName, string Vehicle,
        OrderMilestone Status, bool Cancelled, DateOnly? NextPromisedDate, MoneyView Price, DateTime UpdatedAt);

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<OrderSummary>>
    {
        public async ValueTask<PagedList<OrderSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteIds = staff.SiteIds.ToList();
            var orders = db.Orders.AsNoTracking().Where(o => siteIds.Contains(o.SiteId));
            if (query.Status is { } status)
            {
                orders = orders.Where(o => o.Status == status && o.CancelledAt == null);
            }

            if (query.Cancelled is { } cancelled)
            {
                orders = cancelled ? orders.Where(o => o.CancelledAt != null) : orders.Where(o => o.CancelledAt == null);
            }

            if (query.CustomerId is { } customerId)
            {
                orders = orders.Where(o => o.CustomerId == customerId);
            }

            if (query.OwnerStaffId is { } owner)
            {
                orders = orders.Where(o => o.OwnerStaffId == owner);
            }

            var page = await orders.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)
                .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, Customer = c.FirstName + " " + c.LastName })
                .Join(db.Users, x => x.o.OwnerStaffId, u => u.Id, (x, u) => new { x.o, x.Customer, Owner = u.DisplayName })
                .Select(x => new
                {
                    x.o.Id, x.o.CustomerId, x.Customer, x.o.OwnerStaffId, x.Owner, x.o.Vehicle, x.o.Status, x.o.CancelledAt, x.o.PriceAmount, x.o.Currency, x.o.UpdatedAt,
                    NextPromised = x.o.Milestones.Where(m => m.ReachedAt == null).OrderBy(m => m.Milestone).Select(m => m.PromisedDate).FirstOrDefault(),
                })
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<OrderSummary>(page.Items.Select(x => new OrderSummary(x.Id, x.CustomerId, x.Customer, x.OwnerStaffId, x.Owner, x.Vehicle.Describe(),
                x.Status, x.CancelledAt != null, x.NextPromised, new MoneyView(x.PriceAmount, x.Currency), x.UpdatedAt)).ToList(), page.Page, page.PageSize, page.Total);
        }
    }
}
