using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Sites;

/// <summary>
/// The current request's site, loaded once per request (settings such as phone region and time zone come from it), and
/// the sites of records the request reads, each read once in its unit.
/// </summary>
public sealed class SiteContext(DealershipDbContext db, ICurrentStaff staff)
{
    // Compiled once: nearly every staff request reads its site, and EF's per-call work on an ordinary query (reading
    // its closure, hashing its expression to find the cached plan) costs more than the read itself (issue #14).
    private static readonly Func<DealershipDbContext, Guid, CancellationToken, Task<Site?>> SiteById =
        EF.CompileAsyncQuery((DealershipDbContext db, Guid siteId, CancellationToken _) => db.Sites.AsNoTracking().FirstOrDefault(s => s.Id == siteId));

    // Every site this unit has read, its current one and those of its records (an order at another of the caller's
    // sites, a job's visit): a unit reads each once.
    private readonly Dictionary<Guid, Site> _read = [];

    /// <summary>A site this request has read already (its current one or a record's), else null: never reads.</summary>
    public Site? Known(Guid siteId) => _read.GetValueOrDefault(siteId);

    public async ValueTask<Site> GetAsync(CancellationToken cancellationToken)
    {
        if (Known(staff.SiteId) is { } current)
        {
            return current;
        }

        var site = await SiteById(db, staff.SiteId, cancellationToken) ?? throw new ForbiddenException("Your current site no longer exists. Pick another site.");
        return _read[site.Id] = site;
    }

    /// <summary>Drops what this unit has read: a unit run again after a refused save reads everything afresh.</summary>
    public void Forget() => _read.Clear();

    /// <summary>
    /// A record's own site, for its view, once the record itself was read under its access rule (no check here: pass
    /// only the site of a record the caller was allowed to read): the current site if this request read it already,
    /// else one compiled read, kept for the rest of the request.
    /// </summary>
    internal async ValueTask<Site> OfRecordAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (Known(siteId) is { } known)
        {
            return known;
        }

        var site = await SiteById(db, siteId, cancellationToken) ?? throw new NotFoundException("Site", siteId);
        return _read[siteId] = site;
    }

    /// <summary>The sites of several records, on the same terms as <see cref="OfRecordAsync"/>: those read already, the rest in one read, kept.</summary>
    internal async Task<Dictionary<Guid, Site>> OfRecordsAsync(IEnumerable<Guid> siteIds, CancellationToken cancellationToken)
    {
        var sites = new Dictionary<Guid, Site>();
        var unread = new List<Guid>();
        foreach (var siteId in siteIds.Distinct())
        {
            if (Known(siteId) is { } known)
            {
                sites[siteId] = known;
            }
            else
            {
                unread.Add(siteId);
            }
        }

        if (unread.Count > 0)
        {
            foreach (var site in await db.Sites.AsNoTracking().Where(s => unread.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                sites[site.Id] = _read[site.Id] = site;
            }
        }

        return sites;
    }

    /// <summary>One of the caller's sites (a record may belong to a site other than the current one); any other is not found.</summary>
    public async ValueTask<Site> GetAsync(Guid siteId, CancellationToken cancellationToken)
    {
        if (siteId == staff.SiteId)
        {
            return await GetAsync(cancellationToken);
        }

        if (!staff.SiteIds.Contains(siteId))
        {
            throw new NotFoundException("Site", siteId);
        }

        return await OfRecordAsync(siteId, cancellationToken);
    }
}
