using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>Cancels an order before delivery; the answer shows the deposits to refund.</summary>
public static class CancelOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, string Reason, long? ExpectedVersion) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
    }

    public sealed class Handler(OrderAccess access, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            order.Cancel(command.Reason, clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
