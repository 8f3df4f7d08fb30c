using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.TradeIns;

/// <summary>The lender confirmed the old loan is closed: the customer is told, and the car may now be resold.</summary>
public static class ConfirmPayoff
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Handler(TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            tradeIn.ConfirmPayoff(clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
