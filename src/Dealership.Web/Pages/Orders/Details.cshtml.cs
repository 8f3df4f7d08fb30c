using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Orders;
using Dealership.Domain.Orders;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Orders;

/// <summary>An order: milestones promised vs actual, money, readiness checklist; the owner (or a manager) moves it along.</summary>
[Authorize(Policy = Policies.ReadOrders)]
public sealed class DetailsModel(IMediator mediator, ICurrentStaff staff, Dealership.Web.Ui.FormSubmissions submissions, Dealership.Application.Sites.SiteContext siteContext) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public OrderView Order { get; private set; } = null!;

    public IReadOnlyList<Dealership.Application.Handover.Slot> Slots { get; private set; } = [];

    public DateTime? CollectionAt { get; private set; }

    public PagedList<Dealership.Application.Promises.PromiseView> Promises { get; private set; } = new([], 1, 50, 0);

    /// <summary>The caller may change this order, and it is still open (not delivered or cancelled).</summary>
    public bool CanChange => !Order.Cancelled && Order.Status != OrderMilestone.Delivered &&
        (User.IsInRole(StaffRoles.Manager) || (User.IsInRole(StaffRoles.Salesperson) && Order.OwnerStaffId == staff.StaffId));

    public static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.CompanyCheck => "Company check",
        PaymentMethod.CashiersCheck => "Cashier's check",
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.LenderFunding => "Lender funding",
        _ => method.ToString(),
    };


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostCollectionAsync(DateTime startsAt, Dealership.Domain.Handover.ChoiceChannel toldUsBy, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new Dealership.Application.Handover.BookCollectionSlot.Command(Id, startsAt, toldUsBy), ct).AsTask(),
            "Collection booked at the time the customer chose; they are getting a confirmation.", ct);

    /// <summary>Suggest up to three times: the customer is told and still chooses (these or any other open time).</summary>
    public Task<IActionResult> OnPostProposeAsync(List<string> startsAt, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new Dealership.Application.Handover.ProposeCollectionTimes.Command(Id, startsAt
                .Where(t => !string.IsNullOrWhiteSpace(t))
                .Select(t => DateTime.Parse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind))
                .Distinct().ToList()), ct).AsTask(),
            "Times proposed. The customer has been told and picks one (or another open time) from their link.", ct);

    /// <summary>
    /// The handover, with the trade-in swap when the deal has one: one command, all or nothing. Whatever was left
    /// empty goes to the command as missing, so its rules (and first the role's right) say what to fix.
    /// </summary>
    public Task<IActionResult> OnPostDeliverAsync(long version, int? newCarKeys, int? tradeInMileage, int? tradeInKeys, bool conditionConfirmed, bool titleReceived,
        string? payoutReference, CancellationToken ct)
    {
        Typed = new HandoverTyped(newCarKeys, tradeInMileage, tradeInKeys, conditionConfirmed, titleReceived, payoutReference);
        var tradeIn = tradeInMileage is { } miles ? new DeliverOrder.TradeInHandoverInput(miles, conditionConfirmed, tradeInKeys ?? 0, titleReceived) : null;
        return RunAsync(() => mediator.Send(new DeliverOrder.Command(Id, version, newCarKeys ?? 0, tradeIn, payoutReference), ct).AsTask(),
            tradeIn is not null
                ? "Delivered and swapped: the trade-in is credited, its car, keys and papers are in the custody register, and the customer has their receipt."
                : "Delivered. Keys handed over; the customer is being thanked.", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Order = await mediator.Send(new GetOrder.Query(Id), ct);
        Slots = await mediator.Send(new Dealership.Application.Handover.GetCollectionSlots.Query(Id), ct);
        Promises = await mediator.Send(new Dealership.Application.Promises.ListPromises.Query(null, null, null, 1, 50, Id), ct);
        CollectionAt = Order.Collection?.StartsAt;
        Terms = (await siteContext.GetAsync(Order.SiteId, ct)).PaymentTerms;
        if (CanChange)
        {
            Decisions = (await mediator.Send(new Dealership.Application.Decisions.ListDecisions.Query(Id, null, null, 1, 20), ct)).Items;
            var sheet = await mediator.Send(new Dealership.Application.Decisions.GetPolicies.Query(), ct);
            MyLimits = sheet.Policies.Where(p => User.IsInRole(p.Role)).GroupBy(p => p.Action)
                .ToDictionary(g => g.Key, g => g.Any(p => p.Allowed && p.Limit is null) ? (long?)null : g.Where(p => p.Allowed).Select(p => p.Limit).DefaultIfEmpty(0).Max());
        }
    }

    /// <summary>The decisions already made or asked for on this order (newest first).</summary>
    public IReadOnlyList<Dealership.Application.Decisions.DecisionView> Decisions { get; private set; } = [];

    /// <summary>What the caller may decide alone, per act: an amount, null for no cap, 0 for "a manager decides" (managers: empty, no limit).</summary>
    public IReadOnlyDictionary<Dealership.Domain.Decisions.DecisionAction, long?> MyLimits { get; private set; } = new Dictionary<Dealership.Domain.Decisions.DecisionAction, long?>();

    /// <summary>How the order's site takes money: the methods offered in the form and the conditions shown beside them.</summary>
    public Dealership.Domain.Sites.PaymentTerms Terms { get; private set; } = null!;

    /// <summary>What was typed on the handover form, shown again if the swap was refused (nothing changed; fix one thing, not retype all).</summary>
    public sealed record HandoverTyped(int? NewCarKeys, int? TradeInMileage, int? TradeInKeys, bool ConditionConfirmed, bool TitleReceived, string? PayoutReference);

    public HandoverTyped? Typed { get; private set; }

    /// <summary>What was typed as "when it really happened", shown again if the record was refused.</summary>
    public DateTime? TypedHappenedAt { get; private set; }

    /// <summary><paramref name="happenedAt"/>: when it really happened, in the site's time (empty = just now).</summary>
    public async Task<IActionResult> OnPostMilestoneAsync(OrderMilestone milestone, DateTime? happenedAt, long version, CancellationToken ct)
    {
        TypedHappenedAt = happenedAt;
        DateTime? reachedAt = happenedAt is { } local ? (await siteContext.GetAsync(ct)).ToUtc(local) : null;
        return await RunAsync(() => mediator.Send(new RecordMilestone.Command(Id, milestone, reachedAt, version), ct).AsTask(),
            $"{VehicleOrder.Describe(milestone)} recorded; the customer is being told.", ct);
    }

    public Task<IActionResult> OnPostPromiseAsync(OrderMilestone milestone, DateOnly promisedDate, string? reason, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new ChangePromisedDate.Command(Id, milestone, promisedDate, reason ?? "", version), ct).AsTask(), "Date changed; the customer is being told why.", ct);

    public Task<IActionResult> OnPostChecklistAsync(ChecklistItem item, bool done, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SetChecklistItem.Command(Id, item, done), ct).AsTask(), null, ct);

    public Task<IActionResult> OnPostSettleAsync(Guid paymentId, SettleAction settle, string? note, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SettlePayment.Command(Id, paymentId, settle, note), ct).AsTask(), settle switch
        {
            SettleAction.Verify => "Verified with the bank: the payment counts now.",
            SettleAction.Cleared => "Cleared.",
            _ => "Recorded as bounced: the balance is due again.",
        }, ct);

    public async Task<IActionResult> OnPostPaymentAsync(PaymentMethod method, string? amount, string? reference, CancellationToken ct)
    {
        if (FormOutcome.ToMinorUnits(amount) is not { } cents || cents == 0)
        {
            Errors.Add("Enter the amount, for example 1000.00.");
            return await ReloadAsync(ct);
        }

        // Payments are in the order's own currency (the site's), read from the order rather than assumed.
        var currency = (await mediator.Send(new GetOrder.Query(Id), ct)).Price.Currency;
        return await RunAsync(() => mediator.Send(new RecordPayment.Command(Id, method, new MoneyView(cents, currency), reference, null), ct).AsTask(), "Payment recorded.", ct);
    }

    /// <summary>Money off the deal or a check taken before it clears: done at once within the person's limit, else it waits for a manager.</summary>
    public async Task<IActionResult> OnPostDecideAsync(Dealership.Domain.Decisions.DecisionAction action, string? amount, Guid? paymentId, string? reason,
        Dealership.Domain.Decisions.DecisionReason why, CancellationToken ct)
    {
        MoneyView? money = null;
        if (action != Dealership.Domain.Decisions.DecisionAction.AcceptCheck)
        {
            if (FormOutcome.ToMinorUnits(amount) is not { } cents || cents <= 0)
            {
                return await ShowAsync(ct, "Enter an amount more than zero, for example 250.00.");
            }

            money = new MoneyView(cents, (await mediator.Send(new GetOrder.Query(Id), ct)).Price.Currency);
        }

        Dealership.Application.Decisions.DecisionView? decision = null;
        return await SubmitAsync(async () => decision = await mediator.Send(new Dealership.Application.Decisions.DecideOnOrder.Command(Id, action, money, reason ?? "", paymentId, why), ct),
            () => decision switch
            {
                { Status: Dealership.Domain.Decisions.DecisionStatus.AwaitingApproval } => NotYet(
                    "Waiting for approval: that is above what you may decide alone. The managers have it in their inbox now and you will hear their answer in yours; "
                    + "the customer is told the moment it is approved."),
                { Action: Dealership.Domain.Decisions.DecisionAction.AcceptCheck } => "Done: the check counts from now, on the dealership's risk.",
                _ => "Done: it is off the balance below, and on the customer's timeline.",
            },
            () => $"/orders/{Id}", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(string? reason, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new CancelOrder.Command(Id, reason ?? "", version), ct).AsTask(), "Order cancelled; the customer is being told.", ct);

    private Task<IActionResult> RunAsync(Func<Task> command, string? flash, CancellationToken ct) => SubmitAsync(command, flash, $"/orders/{Id}", ct);

    private Task<IActionResult> ReloadAsync(CancellationToken ct) => ShowAsync(ct);
}
