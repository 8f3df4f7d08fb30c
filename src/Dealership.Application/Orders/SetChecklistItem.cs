using Dealership.Application.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>Ticks (or unticks) an item of the readiness checklist, recording who and when.</summary>
public static class SetChecklistItem
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, ChecklistItem Item, bool Done, long? ExpectedVersion = null) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Item).IsInEnum();
    }

    public sealed class Handler(OrderAccess access, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            order.SetChecklistItem(command.Item, command.Done, staff.RequireStaffId(), clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
