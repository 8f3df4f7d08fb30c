using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>One order with its milestones (promised vs actual), checklist and payments.</summary>
public static class GetOrder
{
    [Allowed(Access.ReadOrders)]
    public sealed record Query(Guid OrderId) : IQuery<OrderView>;

    public sealed class Handler(OrderAccess access) : IQueryHandler<Query, OrderView>
    {
        public async ValueTask<OrderView> Handle(Query query, CancellationToken cancellationToken) =>
            await access.ViewAsync(await access.LoadAsync(query.OrderId, tracking: false, cancellationToken), cancellationToken);
    }
}
