using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications.Templates;

/// <summary>
/// Which text each site uses for each message: its newest saved version, or the product's default. One query
/// for any number of sites (the newest version per template, found through the unique index).
/// </summary>
public sealed class SiteTemplates(DealershipDbContext db)
{
    public sealed record Key(Guid SiteId, string TemplateKey, MessageChannel Channel, string Language);

    /// <summary>The sites' own current versions (defaults are not listed: they need no lookup).</summary>
    public async Task<IReadOnlyDictionary<Key, TemplateSource>> CurrentAsync(IEnumerable<Guid> siteIds, CancellationToken ct)
    {
        var ids = siteIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Key, TemplateSource>();
        }

        var newest = await Newest(db.TemplateVersions.AsNoTracking().Where(v => ids.Contains(v.SiteId))).Where(v => v.Body != null).ToListAsync(ct);
        return newest.ToDictionary(v => new Key(v.SiteId, v.Key, v.Channel, v.Language), v => new TemplateSource(v.Subject, v.Body!));
    }

    /// <summary>The text in use for one template at one site, and whether it is the site's own.</summary>
    public async Task<(TemplateSource Source, TemplateVersion? Current)> ForAsync(Guid siteId, string key, MessageChannel channel, string language, CancellationToken ct)
    {
        var current = await db.TemplateVersions.AsNoTracking()
            .Where(v => v.SiteId == siteId && v.Key == key && v.Channel == channel && v.Language == language)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return (current is { Body: { } body } ? new TemplateSource(current.Subject, body) : MessageRenderer.Default(key, channel, language), current);
    }

    /// <summary>Renders a notification's message with the site's text (or the default).</summary>
    public static RenderedMessage Render(IReadOnlyDictionary<Key, TemplateSource> sources, Guid? siteId, string key, MessageChannel channel, string language,
        TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var source = siteId is { } id && sources.TryGetValue(new Key(id, key, channel, language == "es" ? "es" : "en"), out var own) ? own : null;
        if (source is null)
        {
            return MessageRenderer.Shared.Render(key, channel, language, context);
        }

        try
        {
            return MessageRenderer.Shared.Render(key, channel, language, context, source);
        }
        catch (Exception)
        {
            // A site's text that no longer renders must not hold up every message behind it: the product's words go instead.
            return MessageRenderer.Shared.Render(key, channel, language, context);
        }
    }

    internal static IQueryable<TemplateVersion> Newest(IQueryable<TemplateVersion> versions) =>
        versions.Where(v => v.Number == versions
            .Where(w => w.SiteId == v.SiteId && w.Key == v.Key && w.Channel == v.Channel && w.Language == v.Language)
            .Max(w => w.Number));
}
