using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>Staff revoke every link a customer has (a phone was lost, a message was forwarded). New messages carry new links.</summary>
public static class RevokeTrackingLinks
{
    [Allowed(Access.EditCustomers)]
    public sealed record Command(Guid CustomerId) : ICommand<int>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == command.CustomerId, cancellationToken))
            {
                throw new NotFoundException("Customer", command.CustomerId);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var links = await db.TrackingLinks.Where(l => l.CustomerId == command.CustomerId && l.RevokedAt == null).ToListAsync(cancellationToken);
            links.ForEach(l => l.Revoke(now));
            return links.Count;
        }
    }
}
