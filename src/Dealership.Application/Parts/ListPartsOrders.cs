using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Parts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>Parts orders at the current site, newest first; ?status=draft|sent|confirmed|received, or open ones.</summary>
public static class ListPartsOrders
{
    [Allowed(Access.ReadParts)]
    public sealed record Query(PartsOrderStatus? Status, bool OpenOnly, int Page, int PageSize) : IQuery<PagedList<PartsOrderView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<PartsOrderView>>
    {
        public async ValueTask<PagedList<PartsOrderView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var orders = db.PartsOrders.AsNoTracking().Where(o => o.SiteId == staff.SiteId);
            if (query.Status is { } status)
            {
                orders = orders.Where(o => o.Status == status);
            }
            else if (query.OpenOnly)
            {
                orders = orders.Where(o => o.Status != PartsOrderStatus.Received);
            }

            var page = await orders.OrderBy(o => o.Status == PartsOrderStatus.Draft ? 0 : 1).ThenByDescending(o => o.CreatedAt)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<PartsOrderView>(await db.ToViewsAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.Total);
        }
    }
}
