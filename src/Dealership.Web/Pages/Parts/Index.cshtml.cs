using Dealership.Application.Common;
using Dealership.Application.Parts;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Parts;

/// <summary>
/// The parts clerk's home page: drafts the job prepared (approve and they go to the supplier), orders on
/// their way (record the confirmed date, book deliveries in), and what is short for which visit.
/// </summary>
[Authorize(Policy = Policies.ReadParts)]
public sealed class IndexModel(IMediator mediator, FormSubmissions submissions, Application.Sites.SiteContext siteContext, TimeProvider clock) : StaffFormPage(submissions)
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

    public PagedList<SupplierView> Suppliers { get; private set; } = new([], 1, 100, 0);

    public bool CanWrite => User.May(Application.Common.Access.WriteParts);

    public DateOnly Today { get; private set; }

    public TimeZoneInfo SiteZone { get; private set; } = TimeZoneInfo.Utc;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSendAsync(Guid orderId, long version, CancellationToken ct)
    {
        SiteZone = (await siteContext.GetAsync(ct)).TimeZone;
        PartsOrderView? sent = null;
        return await SubmitAsync(async () => sent = await mediator.Send(new SendPartsOrder.Command(orderId, version), ct),
            () => sent?.Email is { } email && email.DueAt > Now.AddMinutes(1)
                ? $"Approved. The shop is closed now, so the email goes to the supplier when it opens, {TimeZoneInfo.ConvertTimeFromUtc(email.DueAt, SiteZone):ddd d MMM, h:mm tt}."
                : "Sent: the order is on its way to the supplier by email.",
            () => "/parts", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid orderId, DateOnly? eta, long version, CancellationToken ct)
    {
        if (eta is null)
        {
            return await ShowAsync(ct, "Enter the delivery date the supplier confirmed.");
        }

        return await SubmitAsync(() => mediator.Send(new ConfirmPartsOrder.Command(orderId, eta.Value, version), ct).AsTask(),
            "Delivery date recorded. Any visit it makes late has been flagged to its advisor and customer.", "/parts", ct);
    }

    public async Task<IActionResult> OnPostReceiveAsync(Guid orderId, List<Guid> partId, List<int?> quantity, CancellationToken ct)
    {
        var lines = partId.Zip(quantity, (p, q) => new ReceiveParts.Line(p, q ?? 0)).Where(l => l.Quantity > 0).ToList();
        if (lines.Count == 0)
        {
            return await ShowAsync(ct, "Enter how many of each part arrived.");
        }

        ReceiveParts.ReceiptResult? result = null;
        return await SubmitAsync(async () => result = await mediator.Send(new ReceiveParts.Command(orderId, lines), ct),
            () =>
            {
                var ready = result!.Allocations.Where(a => a.AppointmentReady).Select(a => a.AppointmentId).Distinct().Count();
                return result.Allocations.Count == 0
                    ? "Booked in. No visit was waiting for these parts, so they are on the shelf."
                    : $"Booked in. {Readable.Count(result.Allocations.Count, "line")} went to waiting visits" +
                      (ready > 0 ? $"; {Readable.Count(ready, "visit")} now {(ready == 1 ? "has" : "have")} every part, and {(ready == 1 ? "its customer is" : "their customers are")} being told." : ".");
            },
            () => "/parts", ct);
    }

    public async Task<IActionResult> OnPostAddPartAsync(string? partNumber, string? description, int? onHand, string? price, CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        if (FormOutcome.ToMinorUnits(price) is not { } cents)
        {
            return await ShowAsync(ct, "Enter the sell price, for example 38.90.");
        }

        return await SubmitAsync(() => mediator.Send(new AddPart.Command(partNumber ?? "", description ?? "", onHand ?? 0, new Application.Orders.MoneyView(cents, site.Currency)), ct).AsTask(),
            $"{partNumber} added to the stock list. Add its suppliers so the parts job can order it.", "/parts", ct);
    }

    public async Task<IActionResult> OnPostAddSupplierAsync(string? supplierName, string? orderEmail, bool autoSend, CancellationToken ct) =>
        await SubmitAsync(() => mediator.Send(new AddSupplier.Command(supplierName ?? "", orderEmail ?? "", autoSend), ct).AsTask(),
            $"{supplierName} added. " + (autoSend ? "The parts job will email its orders at once." : "Its orders will wait here for your approval."), "/parts#suppliers", ct);

    public async Task<IActionResult> OnPostSupplierTermsAsync(Guid supplierId, string? orderEmail, bool autoSend, long version, CancellationToken ct) =>
        await SubmitAsync(() => mediator.Send(new ChangeSupplierTerms.Command(supplierId, orderEmail ?? "", autoSend, version), ct).AsTask(),
            autoSend ? "Saved. Orders to this supplier now go without approval, including any draft waiting for it." : "Saved. Orders to this supplier now wait here for your approval.",
            "/parts#suppliers", ct);

    public async Task<IActionResult> OnPostPartSupplierAsync(Guid partId, Guid supplierId, int? leadTime, string? cost, CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        if (FormOutcome.ToMinorUnits(cost) is not { } cents)
        {
            return await ShowAsync(ct, "Enter the unit cost from this supplier, for example 21.50.");
        }

        if (leadTime is null)
        {
            return await ShowAsync(ct, "Enter how many working days the supplier takes to deliver.");
        }

        return await SubmitAsync(() => mediator.Send(new SetPartSupplier.Command(partId, supplierId, leadTime.Value, new Application.Orders.MoneyView(cents, site.Currency)), ct).AsTask(),
            "Saved. The parts job can now order this part from that supplier.", "/parts#stock", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var site = await siteContext.GetAsync(ct);
        SiteZone = site.TimeZone;
        Today = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
        Orders = await mediator.Send(new ListPartsOrders.Query(null, OpenOnly: true, 1, 100), ct);
        Shortages = await mediator.Send(new ListShortages.Query(Math.Max(1, ShortagePage), 50), ct);
        Stock = await mediator.Send(new ListParts.Query(StockSearch, Math.Max(1, StockPage), 25), ct);
        Suppliers = await mediator.Send(new ListSuppliers.Query(1, 100), ct);
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
