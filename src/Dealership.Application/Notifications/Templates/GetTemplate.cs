using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications.Templates;

/// <summary>One message of the current site for the editor: text in use, default, facts, history (newest first) and a sample rendering.</summary>
public static class GetTemplate
{
    [Allowed(Access.ManageSite)]
    public sealed record Query(string Key, MessageChannel Channel, string Language) : IQuery<TemplateDetail>;

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, SiteTemplates templates) : IQueryHandler<Query, TemplateDetail>
    {
        public async ValueTask<TemplateDetail> Handle(Query query, CancellationToken cancellationToken)
        {
            TemplatePreviews.Require(query.Key, query.Channel, query.Language);
            var site = await siteContext.GetAsync(cancellationToken);
            var (source, current) = await templates.ForAsync(site.Id, query.Key, query.Channel, query.Language, cancellationToken);
            var history = await db.TemplateVersions.AsNoTracking()
                .Where(v => v.SiteId == site.Id && v.Key == query.Key && v.Channel == query.Channel && v.Language == query.Language)
                .OrderByDescending(v => v.Number).Take(50)
                .Select(v => new { v.Number, v.Body, v.Subject, v.Note, v.CreatedAt, By = db.Users.Where(u => u.Id == v.CreatedBy).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            var definition = TemplateCatalog.Get(query.Key);
            var shipped = MessageRenderer.Default(query.Key, query.Channel, query.Language);
            return new TemplateDetail(query.Key, definition.Title, query.Channel, query.Language, source.Subject, source.Body, current is { IsDefault: false }, current?.Number ?? 0,
                shipped.Subject, shipped.Body, [.. definition.AllFacts.Select(f => TemplatePreviews.View(f, query.Language))],
                [.. history.Select(v => new TemplateVersionView(v.Number, v.Body is null, v.Subject, v.Body, v.Note, v.CreatedAt, v.By))],
                TemplatePreviews.Of(query.Key, query.Channel, query.Language, source));
        }
    }
}
