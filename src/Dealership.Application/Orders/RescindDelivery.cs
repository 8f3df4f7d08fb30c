using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// The customer cancels a delivered deal inside the site's cancellation window (California's 3-day right for
/// many used-car sales). One command: the order is cancelled with the money received to refund, and the
/// trade-in goes back to the customer with its keys and title, or, if it was already sold, the customer is
/// refunded the greater of its market value and its allowance. Managers only.
/// </summary>
public static class RescindDelivery
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid OrderId, string Reason, long? ExpectedVersion = null) : ICommand<OrderView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500).WithMessage("Give the customer's reason for cancelling.");
    }

    public sealed class Handler(DealershipDbContext db, OrderAccess access, CustodyRegister custody, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            order.Rescind(command.Reason, DateOnly.FromDateTime(site.ToLocal(now)), now);
            var tradeIn = await access.TradeInOfAsync(order.Id, cancellationToken);
            if (tradeIn is { Status: TradeInStatus.Received or TradeInStatus.Sold })
            {
                var wasHeld = tradeIn.Status == TradeInStatus.Received;
                tradeIn.ReturnToCustomer(now);
                if (wasHeld)
                {
                    await custody.ReleaseAsync(CustodyRegister.TradeInSubject, tradeIn.Id, "the customer (deal cancelled)", staff.RequireStaffId(), now, cancellationToken);
                }
            }

            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
