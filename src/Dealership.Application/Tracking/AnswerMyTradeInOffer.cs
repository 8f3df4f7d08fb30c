using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Handover;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer accepts or declines their trade-in offer on their tracking page. An expired offer cannot be accepted.</summary>
public static class AnswerMyTradeInOffer
{
    /// <param name="OfferNumber">The offer shown on the page: if it was replaced meanwhile, the answer is refused so the customer reads the new one.</param>
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid TradeInId, bool Accept, int? OfferNumber = null) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, TradeIns.TradeInAccess access, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var tradeIn = await db.TradeIns.FirstOrDefaultAsync(t => t.Id == command.TradeInId && t.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            await access.EnsureDealOpenAsync(tradeIn, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == tradeIn.SiteId, cancellationToken);
            tradeIn.Answer(command.Accept, ChoiceChannel.TrackingPage, recordedBy: null, DateOnly.FromDateTime(site.ToLocal(now)), now, command.OfferNumber);
            return true;
        }
    }
}
