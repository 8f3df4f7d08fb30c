using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// The handover, as one command in one transaction: collection booked, checklist complete, balance settled,
/// keys handed over and recorded, order delivered, customer thanked. If any part fails nothing changes.
/// The trade-ins capability extends this same command with the simultaneous swap.
/// </summary>
public static class DeliverOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, long? ExpectedVersion) : ICommand<OrderView>;

    public sealed class Handler(DealershipDbContext db, OrderAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var booked = await db.CollectionBookings.AnyAsync(b => b.OrderId == order.Id, cancellationToken);
            order.Deliver(booked, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
