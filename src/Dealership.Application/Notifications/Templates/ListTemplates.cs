using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications.Templates;

/// <summary>Every message of the current site (event × channel × language): its own text or the default, rendered with sample facts.</summary>
public static class ListTemplates
{
    [Allowed(Access.ManageSite)]
    public sealed record Query : IQuery<IReadOnlyList<TemplateSummary>>;

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext) : IQueryHandler<Query, IReadOnlyList<TemplateSummary>>
    {
        public async ValueTask<IReadOnlyList<TemplateSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            // A bounded list (events × 2 channels × 2 languages): the newest version of each, one query.
            var newest = await SiteTemplates.Newest(db.TemplateVersions.AsNoTracking().Where(v => v.SiteId == site.Id)).ToListAsync(cancellationToken);
            var byKey = newest.ToDictionary(v => (v.Key, v.Channel, v.Language));
            return [.. from definition in TemplateCatalog.All
                from language in MessageTemplates.Languages
                from channel in new[] { MessageChannel.Sms, MessageChannel.Email }
                let current = byKey.GetValueOrDefault((definition.Key, channel, language))
                let source = current is { Body: { } body } ? new TemplateSource(current.Subject, body) : MessageRenderer.Default(definition.Key, channel, language)
                select new TemplateSummary(definition.Key, definition.Title, channel, language, current is { IsDefault: false }, current?.Number ?? 0, current?.CreatedAt,
                    TemplatePreviews.Of(definition.Key, channel, language, source))];
        }
    }
}
