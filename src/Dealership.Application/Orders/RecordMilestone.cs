using Dealership.Application.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>Records the next milestone with when it actually happened (up to prepared for delivery).</summary>
public static class RecordMilestone
{
    // Its rules rest on the order's version; the promises and tasks it changes have versions of their own; its message
    // has a unique key; late tasks the watchdog raises meanwhile are looked up again in turn (ADR 0027).
    [Allowed(Access.WriteOrders)]
    [ReadsBeforeWriteLock]
    public sealed record Command(Guid OrderId, OrderMilestone Milestone, DateTime? ReachedAt, long? ExpectedVersion) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Milestone).IsInEnum();
    }

    public sealed class Handler(OrderAccess access, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            order.RecordMilestone(command.Milestone, command.ReachedAt?.ToUniversalTime() ?? now, now);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
