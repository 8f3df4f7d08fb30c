using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.TradeIns;

/// <summary>The customer keeps their car after all (or it was entered by mistake): the trade-in leaves the deal.</summary>
public static class WithdrawTradeIn
{
    [Allowed(Access.RequestTradeIns)]
    public sealed record Command(Guid TradeInId, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Handler(TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            tradeIn.Withdraw(clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
