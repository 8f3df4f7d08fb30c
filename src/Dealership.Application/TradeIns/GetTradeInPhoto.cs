using Dealership.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.TradeIns;

public sealed record PhotoFile(string ContentType, byte[] Content);

/// <summary>A trade-in's photo for staff who may read that trade-in; anyone else gets "not found".</summary>
public static class GetTradeInPhoto
{
    [Allowed(Access.ReadTradeIns)]
    public sealed record Query(Guid TradeInId, Guid PhotoId) : IQuery<PhotoFile>;

    public sealed class Handler(TradeInAccess access, IPhotoStore photos) : IQueryHandler<Query, PhotoFile>
    {
        public async ValueTask<PhotoFile> Handle(Query query, CancellationToken cancellationToken)
        {
            var photo = await access.Visible().Where(t => t.Id == query.TradeInId).SelectMany(t => t.Photos).Where(p => p.Id == query.PhotoId)
                .Select(p => new { p.ContentType, p.StoredName }).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Photo", query.PhotoId);
            return new PhotoFile(photo.ContentType, await photos.ReadAsync(photo.StoredName, cancellationToken) ?? throw new NotFoundException("Photo", query.PhotoId));
        }
    }
}
