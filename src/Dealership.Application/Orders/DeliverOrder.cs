using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// The handover and the simultaneous swap, as one command in one transaction: collection booked, checklist
/// complete, the trade-in checked against the offer the customer accepted (mileage within tolerance, condition
/// confirmed, keys and title), the balance settled with the allowance credited, the trade-in, its keys and
/// title taken into custody, the payoff to the lender scheduled against the law's clock, the new car's keys
/// handed over, order delivered, customer receipted. Every check runs before anything changes; if any part
/// fails, the unit of work commits nothing.
/// </summary>
public static class DeliverOrder
{
    [Allowed(Access.WriteOrders)]
    public sealed record Command(Guid OrderId, long? ExpectedVersion, int NewCarKeys, TradeInHandoverInput? TradeIn = null, string? PayoutReference = null)
        : ICommand<OrderView>;

    /// <summary>What staff check and record as the customer hands their old car over.</summary>
    public sealed record TradeInHandoverInput(int Mileage, bool ConditionConfirmed, int KeysReceived, bool TitleReceived);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NewCarKeys).InclusiveBetween(1, 10).WithMessage("Say how many keys of the new car the customer receives (1 to 10).");
            RuleFor(c => c.TradeIn!.Mileage).InclusiveBetween(0, 2_000_000).When(c => c.TradeIn is not null).WithMessage("The trade-in's odometer reading is 0 to 2,000,000.");
            RuleFor(c => c.TradeIn!.KeysReceived).InclusiveBetween(0, 10).When(c => c.TradeIn is not null).WithMessage("Keys received are 0 to 10.");
            RuleFor(c => c.PayoutReference).MaximumLength(100);
        }
    }

    public sealed class Handler(DealershipDbContext db, OrderAccess access, CustodyRegister custody, ICurrentStaff staff, TimeProvider clock)
        : ICommandHandler<Command, OrderView>
    {
        public async ValueTask<OrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await access.LoadForChangeAsync(command.OrderId, command.ExpectedVersion, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(site.ToLocal(now));
            var staffId = staff.RequireStaffId();
            var tradeIn = await access.TradeInOfAsync(order.Id, cancellationToken);
            var swapping = tradeIn is { Status: not (TradeInStatus.Declined or TradeInStatus.Returned) };
            if (swapping && command.TradeIn is null)
            {
                throw new DomainRuleException($"This deal includes the customer's {tradeIn!.Vehicle.Describe()}: record its handover (odometer, condition confirmed, keys, title) in this same step.", "trade-in-handover-required");
            }

            if (!swapping && command.TradeIn is not null)
            {
                throw new DomainRuleException("This order has no trade-in to take in.", "no-trade-in");
            }

            var handover = command.TradeIn is { } input ? new TradeInHandover(input.Mileage, input.ConditionConfirmed, input.KeysReceived, input.TitleReceived) : null;
            if (swapping)
            {
                // Checked before the order changes: a refused trade-in leaves the whole deal as it was.
                tradeIn!.EnsureSwappable(handover!, today);
            }

            var booked = await db.CollectionBookings.AnyAsync(b => b.OrderId == order.Id, cancellationToken);
            // The right to cancel is fixed now, from the site's rule today: a later change of the rule never reaches back.
            DateOnly? cancellableUntil = site.CancellationWindowDays > 0 ? today.AddDays(site.CancellationWindowDays) : null;
            order.Deliver(booked, DealBalance.For(order, tradeIn, site.DealRules), command.NewCarKeys, command.PayoutReference, staffId, cancellableUntil, now);
            if (swapping)
            {
                tradeIn!.TakeInAtSwap(handover!, staffId, site.DealRules, today, now);
                custody.TakeTradeIn(tradeIn, staffId, now);
            }
            else if (tradeIn is { Status: TradeInStatus.Declined })
            {
                tradeIn.Withdraw(now); // the deal closed without it: it can no longer be revived onto this order
            }

            return await access.ViewAsync(order, cancellationToken);
        }
    }
}
