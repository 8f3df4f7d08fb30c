using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Domain.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Handover;

/// <summary>Staff suggest up to three open times; the customer is told and picks one (or any other open time).</summary>
public static class ProposeCollectionTimes
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, IReadOnlyList<DateTime> StartsAt) : ICommand<IReadOnlyList<DateTime>>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.StartsAt).NotEmpty().Must(t => t.Count <= 3).WithMessage("Propose one to three times.");
    }

    public sealed class Handler(OrderAccess access, CollectionSlots slots, TimeProvider clock) : ICommandHandler<Command, IReadOnlyList<DateTime>>
    {
        public async ValueTask<IReadOnlyList<DateTime>> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, null, cancellationToken);
            var open = (await slots.ForOrderAsync(order, cancellationToken)).Select(s => s.StartsAt).ToHashSet();
            var times = command.StartsAt.Select(t => DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)).ToList();
            if (open.Count == 0 || times.Any(t => !open.Contains(t)))
            {
                throw new DomainRuleException("Propose only open times (GET collection-slots); the car must be prepared and the checklist complete.", "slot-unavailable");
            }

            order.ProposeCollectionTimes(times, clock.GetUtcNow().UtcDateTime);
            return order.ProposedCollectionTimes;
        }
    }
}
