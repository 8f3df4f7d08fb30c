using System.Text.Json;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Domain.Notifications;
using Dealership.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Pages.Outbox;

/// <summary>
/// Every message, rendered as the customer sees it (from the template and the stored facts, with the link
/// masked, so staff never see a customer's token). Dead messages can be resent by Managers.
/// </summary>
public sealed class IndexModel(IMediator mediator, DealershipDbContext db, IOptions<NotificationOptions> options, IConfiguration configuration) : PageModel
{
    private const int PageSize = 20;

    public sealed record Item(NotificationView Notification, string CustomerName, RenderedMessage Preview);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<NotificationView> Results { get; private set; } = new([], 1, PageSize, 0);

    public List<Item> Items { get; } = [];

    public bool CanResend => Dealership.Web.Ui.AccessExtensions.May(User, Application.Common.Access.ManageSite);

    [TempData]
    public string? Flash { get; set; }

    public string ChannelsNote =>
        string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]) || string.IsNullOrWhiteSpace(configuration["Sms:Twilio:AccountSid"])
            ? "No SMTP or Twilio account is configured, so messages on those channels are written to the local outbox folder instead of being sent."
            : "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await mediator.Send(new ListNotifications.Query(null, QueryValues.Enum<NotificationStatus>(Status, "status"), Math.Max(1, PageNumber), PageSize), ct);
        var customerIds = Results.Items.Select(n => n.CustomerId).Distinct().ToList();
        var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.RegisteredAtSiteId }).ToDictionaryAsync(c => c.Id, ct);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var facts = await db.Notifications.AsNoTracking().Where(n => Results.Items.Select(i => i.Id).Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => new { n.TemplateData, n.SiteId }, ct);
        foreach (var n in Results.Items)
        {
            var customer = customers[n.CustomerId];
            var fact = facts[n.Id];
            var site = sites.GetValueOrDefault(fact.SiteId ?? customer.RegisteredAtSiteId, "");
            var data = JsonSerializer.Deserialize<Dictionary<string, string>>(fact.TemplateData) ?? [];
            var preview = MessageTemplates.Render(n.TemplateKey, n.Channel, n.Language,
                new TemplateContext(customer.FirstName, site, TrackingTokens.MaskedLink(options.Value.PublicBaseUrl), data));
            Items.Add(new Item(n, $"{customer.FirstName} {customer.LastName}", preview));
        }
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct)
    {
        if (!CanResend)
        {
            return Forbid();
        }

        await mediator.Send(new ResendNotification.Command(id), ct);
        Flash = "Queued to be sent again.";
        return RedirectToPage(new { status = Status });
    }
}
