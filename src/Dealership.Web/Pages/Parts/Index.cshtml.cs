using Dealership.Application.Common;
using Dealership.Application.Parts;
using Dealership.Domain.Parts;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Parts;

/// <summary>
/// The parts clerk's home page: drafts the job prepared (approve and they go to the supplier), orders on
/// their way (record the confirmed date, book deliveries in), and what is short for which visit.
/// </summary>
[Authorize(Policy = Policies.ReadParts)]
public sealed class IndexModel(IMediator mediator, FormSubmissions submissions, Application.Sites.SiteContext siteContext, TimeProvider clock) : PageModel
{
    public PagedList<PartsOrderView> Orders { get; private set; } = new([], 1, 50, 0);

    public PagedList<ListShortages.Shortage> Shortages { get; private set; } = new([], 1, 50, 0);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int ShortagePage { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? StockSearch { get; set; }

    [BindProperty(SupportsGet = true, Name = "sp")]
    public int StockPage { get; set; } = 1;

    public PagedList<PartView> Stock { get; private set; } = new([], 1, 25, 0);

    public bool CanWrite => User.IsInRole(Application.Data.StaffRoles.PartsClerk) || User.IsInRole(Application.Data.StaffRoles.Manager);

    public DateOnly Today { get; private set; }

    public TimeZoneInfo SiteZone { get; private set; } = TimeZoneInfo.Utc;

    [TempData]
    public string? Flash { get; set; }

    public List<string> Errors { get; } = [];

    [BindProperty(Name = FormSubmissions.FieldName)]
    public string? SubmissionKey { get; set; }

    public static string NewSubmissionKey() => Guid.NewGuid().ToString();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostSendAsync(Guid orderId, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SendPartsOrder.Command(orderId, version), ct).AsTask(), "Sent: the order is on its way to the supplier by email.", ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid orderId, DateOnly? eta, long version, CancellationToken ct)
    {
        if (eta is null)
        {
            Errors.Add("Enter the delivery date the supplier confirmed.");
            await LoadAsync(ct);
            return Page();
        }

        return await RunAsync(() => mediator.Send(new ConfirmPartsOrder.Command(orderId, eta.Value, version), ct).AsTask(),
            "Delivery date recorded. Any visit it makes late has been flagged to its advisor and customer.", ct);
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid orderId, List<Guid> partId, List<int> quantity, CancellationToken ct)
    {
        var lines = partId.Zip(quantity, (p, q) => new ReceiveParts.Line(p, q)).Where(l => l.Quantity > 0).ToList();
        if (lines.Count == 0)
        {
            Errors.Add("Enter how many of each part arrived.");
            await LoadAsync(ct);
            return Page();
        }

        ReceiveParts.ReceiptResult? result = null;
        var outcome = await RunAsync(async () => result = await mediator.Send(new ReceiveParts.Command(orderId, lines), ct), null, ct);
        if (result is not null)
        {
            var ready = result.Allocations.Where(a => a.AppointmentReady).Select(a => a.AppointmentId).Distinct().Count();
            Flash = $"Booked in. {result.Allocations.Count} line(s) went to waiting visits" + (ready > 0 ? $"; {ready} visit(s) now have every part, and their customers are being told." : ".");
        }

        return outcome;
    }

    public async Task<IActionResult> OnPostAddPartAsync(string? partNumber, string? description, int? onHand, string? price, CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        if (FormOutcome.ToMinorUnits(price) is not { } cents)
        {
            Errors.Add("Enter the sell price, for example 38.90.");
            await LoadAsync(ct);
            return Page();
        }

        return await RunAsync(() => mediator.Send(new AddPart.Command(partNumber ?? "", description ?? "", onHand ?? 0, new Application.Orders.MoneyView(cents, site.Currency)), ct).AsTask(),
            $"{partNumber} added to the stock list. Add its suppliers so the parts job can order it.", ct);
    }

    private async Task<IActionResult> RunAsync(Func<Task> command, string? flash, CancellationToken ct)
    {
        try
        {
            var target = await submissions.RunOnceAsync(SubmissionKey, async () =>
            {
                await command();
                if (flash is not null)
                {
                    Flash = flash;
                }

                return "/parts";
            });
            return LocalRedirect(target);
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            Errors.AddRange(messages);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        SiteZone = site.TimeZone;
        Today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
        Orders = await mediator.Send(new ListPartsOrders.Query(null, OpenOnly: true, 1, 100), ct);
        Shortages = await mediator.Send(new ListShortages.Query(Math.Max(1, ShortagePage), 50), ct);
        Stock = await mediator.Send(new ListParts.Query(StockSearch, Math.Max(1, StockPage), 25), ct);
    }

    public static (string Css, string Text) Status(PartsOrderView order, DateOnly today) => order.Status switch
    {
        PartsOrderStatus.Draft => ("badge-warn", "Draft · approve to send"),
        PartsOrderStatus.Sent => ("badge-brand", "Sent · awaiting confirmation"),
        PartsOrderStatus.Confirmed when order.ConfirmedEta < today => ("badge-bad", $"Overdue since {order.ConfirmedEta:ddd d MMM}"),
        PartsOrderStatus.Confirmed => ("badge-ok", $"Confirmed for {order.ConfirmedEta:ddd d MMM}"),
        _ => ("badge-ok", "Received"),
    };
}
