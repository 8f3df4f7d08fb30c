using System.Text.Json;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Notifications;

/// <summary>
/// The messages page: messages newest first, each with its customer's name and a preview rendered as the
/// customer will read it (with a masked link, never a live one). Three queries for a page, whatever its size.
/// </summary>
public static class ListOutbox
{
    public sealed record Item(NotificationView Notification, string CustomerName, RenderedMessage Preview);

    [Allowed(Access.AnyStaff)]
    public sealed record Query(NotificationStatus? Status, int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<Item>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, IMediator mediator, Templates.SiteTemplates siteTemplates, TimeProvider clock, IPublicLinks links)
        : IQueryHandler<Query, PagedList<Item>>
    {
        public async ValueTask<PagedList<Item>> Handle(Query query, CancellationToken cancellationToken)
        {
            var page = await mediator.Send(new ListNotifications.Query(null, query.Status, query.Page, query.PageSize), cancellationToken);
            var customerIds = page.Items.Select(n => n.CustomerId).Distinct().ToList();
            var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.RegisteredAtSiteId }).ToDictionaryAsync(c => c.Id, cancellationToken);
            var ids = page.Items.Select(i => i.Id).ToList();
            var facts = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id))
                .ToDictionaryAsync(n => n.Id, n => new { n.TemplateData, n.SiteId }, cancellationToken);
            var siteIds = facts.Values.Select(f => f.SiteId).OfType<Guid>().Concat(customers.Values.Select(c => c.RegisteredAtSiteId)).Distinct().ToList();
            var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
            var texts = await siteTemplates.CurrentAsync(siteIds, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var items = page.Items.Select(n =>
            {
                var customer = customers[n.CustomerId];
                var fact = facts[n.Id];
                var data = JsonSerializer.Deserialize<Dictionary<string, string>>(fact.TemplateData) ?? [];
                var site = sites.GetValueOrDefault(fact.SiteId ?? customer.RegisteredAtSiteId);
                var preview = Templates.SiteTemplates.Render(texts, site?.Id, n.TemplateKey, n.Channel, n.Language, new TemplateContext(customer.FirstName,
                    site?.Name ?? "", links.MaskedTrackingPage(), data, site?.TimeZone, now));
                return new Item(n, $"{customer.FirstName} {customer.LastName}", preview);
            }).ToList();
            return new PagedList<Item>(items, page.Page, page.PageSize, page.Total);
        }
    }
}
