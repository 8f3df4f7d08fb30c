using Dealership.Application.Common;
using Dealership.Application.Orders;
using Mediator;

namespace Dealership.Application.Handover;

/// <summary>The collection times open for an order (staff view).</summary>
public static class GetCollectionSlots
{
    [Allowed(Access.ReadOrders)]
    public sealed record Query(Guid OrderId) : IQuery<IReadOnlyList<Slot>>;

    public sealed class Handler(OrderAccess access, CollectionSlots slots) : IQueryHandler<Query, IReadOnlyList<Slot>>
    {
        public async ValueTask<IReadOnlyList<Slot>> Handle(Query query, CancellationToken cancellationToken) =>
            await slots.ForOrderAsync(await access.LoadAsync(query.OrderId, tracking: false, cancellationToken), cancellationToken);
    }
}
