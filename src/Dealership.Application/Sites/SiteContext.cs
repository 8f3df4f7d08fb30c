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
}
