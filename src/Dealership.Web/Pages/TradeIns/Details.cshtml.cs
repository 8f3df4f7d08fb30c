using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Application.TradeIns;
using Dealership.Domain.Handover;
using Dealership.Domain.TradeIns;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.TradeIns;

/// <summary>
/// One trade-in: what the customer declared, the VIN's own facts beside it, the appraisal form with its working,
/// the customer's answer, and after the swap the custody and the payoff of the old loan with its deadlines.
/// </summary>
[Authorize(Policy = Policies.ReadTradeIns)]
public sealed class DetailsModel(IMediator mediator, FormSubmissions submissions, TimeProvider clock, Dealership.Application.Sites.SiteContext siteContext) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public TradeInView TradeIn { get; private set; } = null!;

    public DateOnly SiteToday { get; private set; }

    public bool CanAppraise => TradeIn.Status is TradeInStatus.AwaitingAppraisal or TradeInStatus.ReappraisalRequested or TradeInStatus.Offered or TradeInStatus.Declined or TradeInStatus.Accepted;

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

    public async Task<IActionResult> OnPostAppraiseAsync(string? marketValue, string? marketSource, List<string?> reconItem, List<string?> reconCost, string? margin,
        string? finalOffer, string? overrideReason, DateOnly? validUntil, int? mileageTolerance, OfferHold hold, int? recheckBand, long version, CancellationToken ct)
    {
        var currency = await CurrencyAsync(ct);
        var recon = new List<AppraiseTradeIn.ReconditioningInput>();
        for (var i = 0; i < Math.Min(reconItem.Count, 30); i++)
        {
            var cost = i < reconCost.Count ? FormOutcome.ToMinorUnits(reconCost[i]) : null;
            if (!string.IsNullOrWhiteSpace(reconItem[i]) || cost is > 0)
            {
                if (string.IsNullOrWhiteSpace(reconItem[i]) || cost is null)
                {
                    return await ShowAsync(ct, $"Reconditioning line {i + 1} needs both what is to be done and its cost.");
                }

                recon.Add(new AppraiseTradeIn.ReconditioningInput(reconItem[i]!, new MoneyView(cost.Value, currency)));
            }
        }

        if (FormOutcome.ToMinorUnits(marketValue) is not { } market || FormOutcome.ToMinorUnits(margin) is not { } marginCents)
        {
            return await ShowAsync(ct, "Enter the market value and the margin, for example 21500.00 and 1500.00.");
        }

        var final = string.IsNullOrWhiteSpace(finalOffer) ? null : FormOutcome.ToMinorUnits(finalOffer) is { } cents ? new MoneyView(cents, currency) : null;
        if (!string.IsNullOrWhiteSpace(finalOffer) && final is null)
        {
            return await ShowAsync(ct, "The final offer is an amount, for example 18400.00 (leave it empty to offer the suggestion).");
        }

        return await RunAsync(() => mediator.Send(new AppraiseTradeIn.Command(Id, new MoneyView(market, currency), marketSource ?? "", recon, new MoneyView(marginCents, currency),
            final, overrideReason, validUntil, mileageTolerance, hold, recheckBand, version), ct).AsTask(), "Offer made; the customer is being told, with the working, and can answer on their page.", ct);
    }

    public Task<IActionResult> OnPostAnswerAsync(bool accepted, ChoiceChannel toldUsBy, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new RecordTradeInAnswer.Command(Id, accepted, toldUsBy, version), ct).AsTask(),
            accepted ? "Acceptance recorded: the allowance now counts in the order's balance." : "Decline recorded.", ct);

    /// <summary>Keeping the offer open past its date: the used-car manager's own call; a salesperson's request waits for approval.</summary>
    public async Task<IActionResult> OnPostExtendAsync(DateOnly? extendTo, string? reason, CancellationToken ct)
    {
        Dealership.Application.Decisions.DecisionView? decision = null;
        return await SubmitAsync(async () => decision = await mediator.Send(new Dealership.Application.Decisions.DecideOnTradeIn.Command(Id,
                Dealership.Domain.Decisions.DecisionAction.ExtendOffer, extendTo, reason ?? ""), ct),
            () => decision?.Status == Dealership.Domain.Decisions.DecisionStatus.AwaitingApproval
                ? NotYet("Waiting for approval: keeping an offer open needs a manager's yes. The managers have it in their inbox now; you will hear their answer in yours, and the customer is told once it is approved.")
                : "The offer stays open to the new date; the customer's page shows it.",
            () => $"/trade-ins/{Id}", ct);
    }

    public Task<IActionResult> OnPostWithdrawAsync(long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new WithdrawTradeIn.Command(Id, version), ct).AsTask(), "Trade-in withdrawn: the customer keeps their car.", ct);

    public async Task<IActionResult> OnPostPurchaseAsync(int? mileage, bool conditionConfirmed, int? keysReceived, bool titleReceived, string? payoutReference, long version, CancellationToken ct)
    {
        if (mileage is null || keysReceived is null)
        {
            return await ShowAsync(ct, "Enter the odometer reading and the keys received.");
        }

        return await RunAsync(() => mediator.Send(new PurchaseTradeIn.Command(Id, mileage.Value, conditionConfirmed, keysReceived.Value, titleReceived, payoutReference ?? "", version), ct).AsTask(),
            "Bought: the customer was paid in the same step; car, keys and title are in the custody register and the customer has their receipt.", ct);
    }

    public Task<IActionResult> OnPostLienholderAsync(long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new RecordLienholderNotice.Command(Id, version), ct).AsTask(), "Lienholder notice recorded.", ct);

    public async Task<IActionResult> OnPostQuoteAsync(string? payoff, string? perDiem, DateOnly? goodUntil, long version, CancellationToken ct)
    {
        var currency = await CurrencyAsync(ct);
        if (FormOutcome.ToMinorUnits(payoff) is not { } cents || goodUntil is null)
        {
            return await ShowAsync(ct, "Enter the new payoff amount and the day the quote is good until.");
        }

        return await RunAsync(() => mediator.Send(new UpdatePayoffQuote.Command(Id, new MoneyView(cents, currency),
            FormOutcome.ToMinorUnits(perDiem) is { } daily ? new MoneyView(daily, currency) : null, goodUntil.Value, version), ct).AsTask(), "New payoff quote recorded.", ct);
    }

    public async Task<IActionResult> OnPostPayoffAsync(string? amount, string? reference, long version, CancellationToken ct)
    {
        var currency = await CurrencyAsync(ct);
        if (FormOutcome.ToMinorUnits(amount) is not { } cents)
        {
            return await ShowAsync(ct, "Enter the amount sent, for example 12145.00.");
        }

        return await RunAsync(() => mediator.Send(new RecordPayoffSent.Command(Id, new MoneyView(cents, currency), reference ?? "", version), ct).AsTask(),
            "Payoff recorded; the customer is being told, with the reference.", ct);
    }

    public Task<IActionResult> OnPostConfirmPayoffAsync(long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new ConfirmPayoff.Command(Id, version), ct).AsTask(), "Payoff confirmed: the car may now be sold.", ct);

    public Task<IActionResult> OnPostSellAsync(SaleChannel channel, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new SellTradeIn.Command(Id, channel, version), ct).AsTask(), "Recorded as sold; the car, keys and title left the custody register.", ct);

    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (photo is null || photo.Length == 0)
        {
            return await ShowAsync(ct, "Choose a photo to upload.");
        }

        if (photo.Length > Dealership.Application.TradeIns.PhotoRules.MaxBytes)
        {
            return await ShowAsync(ct, "A photo is at most 10 MB; this one is larger.");
        }

        var content = await Api.TradeInsApi.ReadAsync(photo, ct);
        return await RunAsync(() => mediator.Send(new AddTradeInPhoto.Command(Id, content), ct).AsTask(), "Photo added.", ct);
    }

    /// <summary>A photo of this trade-in, for the page's thumbnails (the same rule as the API: only if you may read the trade-in).</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid photoId, CancellationToken ct)
    {
        try
        {
            var file = await mediator.Send(new GetTradeInPhoto.Query(Id, photoId), ct);
            Response.Headers.CacheControl = "private, max-age=3600";
            return File(file.Content, file.ContentType);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        TradeIn = await mediator.Send(new GetTradeIn.Query(Id), ct);
        var site = await siteContext.GetAsync(ct);
        SiteToday = DateOnly.FromDateTime(site.ToLocal(clock.GetUtcNow().UtcDateTime));
    }

    private async Task<string> CurrencyAsync(CancellationToken ct) => (await mediator.Send(new GetTradeIn.Query(Id), ct)).Currency;

    private Task<IActionResult> RunAsync(Func<Task> command, string? flash, CancellationToken ct) => SubmitAsync(command, flash, $"/trade-ins/{Id}", ct);
}
