using Dealership.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>One trade-in with its appraisal's working, the customer's answer, custody and payoff.</summary>
public static class GetTradeIn
{
    [Allowed(Access.ReadTradeIns)]
    public sealed record Query(Guid TradeInId) : IQuery<TradeInView>;

    public sealed class Handler(TradeInAccess access) : IQueryHandler<Query, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Query query, CancellationToken cancellationToken)
        {
            var tradeIn = await access.Visible().AsNoTracking().Include(t => t.Photos).FirstOrDefaultAsync(t => t.Id == query.TradeInId, cancellationToken)
                ?? throw new NotFoundException("Trade-in", query.TradeInId);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
