using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// A stand-alone purchase (no new car): the customer is paid in the same step the dealer takes the car, its
/// keys and title. A trade-in against an order is refused here: it is taken at that order's delivery.
/// </summary>
public static class PurchaseTradeIn
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, int Mileage, bool ConditionConfirmed, int KeysReceived, bool TitleReceived, string PayoutReference, long? ExpectedVersion = null)
        : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mileage).InclusiveBetween(0, 2_000_000);
            RuleFor(c => c.KeysReceived).InclusiveBetween(0, 10);
            RuleFor(c => c.PayoutReference).NotEmpty().MaximumLength(100).WithMessage("Give the payout reference (check number or transfer id).");
        }
    }

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, CustodyRegister custody, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var staffId = staff.RequireStaffId();
            tradeIn.PurchaseOutright(new TradeInHandover(command.Mileage, command.ConditionConfirmed, command.KeysReceived, command.TitleReceived),
                command.PayoutReference, staffId, site.DealRules, DateOnly.FromDateTime(site.ToLocal(now)), now);
            custody.TakeTradeIn(tradeIn, staffId, now);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
