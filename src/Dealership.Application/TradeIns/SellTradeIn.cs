using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Data;
using Dealership.Domain.TradeIns;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>
/// The traded-in car is sold on (retail or wholesale). Refused until its loan's payoff is confirmed and while the
/// customer may still cancel the deal; the car, keys and title leave the custody register to the buyer.
/// </summary>
public static class SellTradeIn
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, SaleChannel Channel, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Channel).IsInEnum();
    }

    public sealed class Handler(DealershipDbContext db, TradeInAccess access, CustodyRegister custody, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            tradeIn.MarkSold(command.Channel, DateOnly.FromDateTime(site.ToLocal(now)), now);
            await custody.ReleaseAsync(CustodyRegister.TradeInSubject, tradeIn.Id, command.Channel == SaleChannel.Retail ? "the buyer (retail sale)" : "the buyer (wholesale)",
                staff.RequireStaffId(), now, cancellationToken);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
