using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.TradeIns;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer opened their page while a trade-in offer waited for them: the appraiser sees it was seen.</summary>
public static class RecordOfferViewed
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid TradeInId) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var tradeIn = await db.TradeIns.FirstOrDefaultAsync(t => t.Id == command.TradeInId && t.CustomerId == customerId && t.Status == TradeInStatus.Offered, cancellationToken);
            tradeIn?.MarkViewed(now);
            return tradeIn is not null;
        }
    }
}
