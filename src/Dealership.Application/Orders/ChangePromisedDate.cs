using Dealership.Application.Common;
using Dealership.Domain.Orders;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Orders;

/// <summary>Moves a milestone's promised date, with the reason the customer will be told.</summary>
public static class ChangePromisedDate
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, OrderMilestone Milestone, DateOnly PromisedDate, string Reason, long? ExpectedVersion) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Milestone).IsInEnum();
            RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the date changes: the customer will be told.").MaximumLength(500);
        }
    }

    public sealed class Handler(OrderAccess access, Sites.SiteContext sites, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // The order's own site decides what "today" is (a manager may be working from another of their sites).
            var site = await sites.GetAsync(order.SiteId, cancellationToken);
            order.ChangePromise(command.Milestone, command.PromisedDate, command.Reason, DateOnly.FromDateTime(site.ToLocal(now)), now);
            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
