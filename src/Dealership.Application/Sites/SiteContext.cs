using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>The current request's site, loaded once per request (settings such as phone region and time zone come from it).</summary>
public sealed class SiteContext(DealershipDbContext db, ICurrentStaff staff)
{
    private Site? _site;

    public async ValueTask<Site> GetAsync(CancellationToken cancellationToken)
    {
        return _site ??= await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == staff.SiteId, cancellationToken)
            ?? throw new ForbiddenException("Your current site no longer exists. Pick another site.");
    }

    /// <summary>One of the caller's sites (a record may belong to a site other than the current one); any other is not found.</summary>
    public async ValueTask<Site> GetAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (siteId == staff.SiteId)
        {
            return await GetAsync(cancellationToken);
        }

        return staff.SiteIds.Contains(siteId) && await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, cancellationToken) is { } site
            ? site
            : throw new NotFoundException("Site", siteId);
    }
}
