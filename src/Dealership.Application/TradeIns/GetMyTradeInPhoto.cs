using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Tracking;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

/// <summary>The customer's own trade-in photo, through their link: another customer's link reaches nothing.</summary>
public static class GetMyTradeInPhoto
{
    [Allowed(Access.CustomerLink)]
    public sealed record Query(string Token, Guid TradeInId, Guid PhotoId) : IQuery<PhotoFile>;

    public sealed class Handler(DealershipDbContext db, IPhotoStore photos, TimeProvider clock) : IQueryHandler<Query, PhotoFile>
    {
        public async ValueTask<PhotoFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, query.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var photo = await db.TradeIns.AsNoTracking().Where(t => t.Id == query.TradeInId && t.CustomerId == customerId).SelectMany(t => t.Photos)
                .Where(p => p.Id == query.PhotoId).Select(p => new { p.ContentType, p.StoredName }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            return new PhotoFile(photo.ContentType, await photos.ReadAsync(photo.StoredName, cancellationToken) ?? throw new NotFoundException("This link is not valid."));
        }
    }
}
