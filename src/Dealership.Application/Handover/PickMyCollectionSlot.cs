using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Tracking;
using Dealership.Domain.Handover;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>The customer picks (or moves) their collection time on the tracking page.</summary>
public static class PickMyCollectionSlot
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid OrderId, DateTime StartsAt) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, CollectionBooker booker, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var order = await db.Orders.Include(o => o.Payments).FirstOrDefaultAsync(o => o.Id == command.OrderId && o.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            await booker.BookAsync(order, command.StartsAt, ChoiceChannel.TrackingPage, recordedBy: null, cancellationToken);
            return true;
        }
    }
}
