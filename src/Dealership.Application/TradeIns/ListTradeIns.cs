using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Domain.TradeIns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// Trade-ins at the caller's sites. The appraisal queue is <c>status=awaitingAppraisal</c> (re-appraisals
/// asked for included), oldest first, with how long each has waited; other statuses list newest first.
/// </summary>
public static class ListTradeIns
{
    [Allowed(Access.ReadTradeIns)]
    public sealed record Query(TradeInStatus? Status, Guid? CustomerId = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<TradeInSummary>>, IPagedQuery;

    public sealed record TradeInSummary(Guid Id, Guid CustomerId, string CustomerName, Guid? OrderId, string Vehicle, int Mileage, TradeInStatus Status, string StatusName,
        DateTime RequestedAt, string RequestedByName, MoneyView? Offer, DateOnly? ValidUntil, bool HasLoan, DateOnly? PayoffDueBy, DateTime? PayoffSentAt);

    public sealed class Handler(TradeInAccess access, Data.DealershipDbContext db) : IQueryHandler<Query, PagedList<TradeInSummary>>
    {
        public async ValueTask<PagedList<TradeInSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var tradeIns = access.Visible().AsNoTracking();
            if (query.CustomerId is { } customerId)
            {
                tradeIns = tradeIns.Where(t => t.CustomerId == customerId);
            }

            var queue = query.Status == TradeInStatus.AwaitingAppraisal;
            if (queue)
            {
                tradeIns = tradeIns.Where(t => t.Status == TradeInStatus.AwaitingAppraisal || t.Status == TradeInStatus.ReappraisalRequested);
            }
            else if (query.Status is { } status)
            {
                tradeIns = tradeIns.Where(t => t.Status == status);
            }

            var ordered = queue ? tradeIns.OrderBy(t => t.RequestedAt).ThenBy(t => t.Id) : tradeIns.OrderByDescending(t => t.RequestedAt).ThenBy(t => t.Id);
            var page = await ordered
                .Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new { t, Customer = c.FirstName + " " + c.LastName })
                .Join(db.Users, x => x.t.RequestedBy, u => u.Id, (x, u) => new { x.t, x.Customer, By = u.DisplayName })
                .Select(x => new
                {
                    x.t.Id, x.t.CustomerId, x.Customer, x.t.OrderId, x.t.Vehicle, x.t.DeclaredMileage, x.t.Status, x.t.RequestedAt, x.By, x.t.FinalOffer, x.t.Currency,
                    x.t.ValidUntil, x.t.PayoffAmount, x.t.PayoffDueBy, x.t.PayoffSentAt,
                })
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<TradeInSummary>(page.Items.Select(x => new TradeInSummary(x.Id, x.CustomerId, x.Customer, x.OrderId, x.Vehicle.Describe(), x.DeclaredMileage,
                x.Status, TradeIn.Describe(x.Status), x.RequestedAt, x.By, x.FinalOffer is { } offer ? new MoneyView(offer, x.Currency) : null, x.ValidUntil,
                x.PayoffAmount > 0, x.PayoffDueBy, x.PayoffSentAt)).ToList(), page.Page, page.PageSize, page.Total);
        }
    }
}
