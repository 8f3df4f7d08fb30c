using Dealership.Application.Common;
using Mediator;

namespace Dealership.Application.TradeIns;

/// <summary>The lender of the traded-in car was told it changed hands (due within the site's notice days of delivery).</summary>
public static class RecordLienholderNotice
{
    [Allowed(Access.ManageTradeIns)]
    public sealed record Command(Guid TradeInId, long? ExpectedVersion = null) : ICommand<TradeInView>;

    public sealed class Handler(TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, TradeInView>
    {
        public async ValueTask<TradeInView> Handle(Command command, CancellationToken cancellationToken)
        {
            var tradeIn = await access.LoadForChangeAsync(command.TradeInId, command.ExpectedVersion, cancellationToken);
            tradeIn.RecordLienholderNotified(clock.GetUtcNow().UtcDateTime);
            return await access.ViewAsync(tradeIn, cancellationToken);
        }
    }
}
