using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>The deal's balance, line by line: price, fees, sales tax, money received (pending shown apart), trade-in allowance and payoff.</summary>
public static class GetOrderBalance
{
    [Allowed(Access.ReadOrders)]
    public sealed record Query(Guid OrderId) : IQuery<BalanceView>;

    public sealed class Handler(OrderAccess access) : IQueryHandler<Query, BalanceView>
    {
        public async ValueTask<BalanceView> Handle(Query query, CancellationToken cancellationToken)
        {
            var order = await access.LoadAsync(query.OrderId, tracking: false, cancellationToken);
            return BalanceView.From(await access.BalanceAsync(order, cancellationToken));
        }
    }
}
