using Dealership.Domain.Common;
using Dealership.Domain.Handover;

namespace Dealership.Domain.TradeIns;

/// <summary>
/// A customer's car offered to the dealer, from the request through the used-car manager's appraisal, the
/// customer's answer, and the moment the dealer takes it. The rule of story 000 lives here: the dealer takes
/// custody only in the same step that credits or pays the customer (<see cref="TakeInAtSwap"/> from the
/// delivery command, or <see cref="PurchaseOutright"/> for a stand-alone purchase), never before. A car with
/// a loan on it is not resold until the loan's payoff is confirmed.
/// </summary>
public sealed class TradeIn : AggregateRoot, ISiteScoped
{
    public const int DefaultValidityDays = 7;

    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en-US");
    public const int MaxPhotos = 10;

    private readonly List<ReconditioningItem> _reconditioning = [];
    private readonly List<TradeInPhoto> _photos = [];

    private TradeIn() { }

    public TradeIn(Guid siteId, Guid customerId, Guid? orderId, Guid requestedBy, TradeInVehicle vehicle, int mileage,
        DeclaredCondition condition, LoanPayoffQuote? loan, string currency, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(condition);
        if (mileage is < 0 or > 2_000_000)
        {
            throw new DomainRuleException("The mileage must be between 0 and 2,000,000.", "mileage-invalid");
        }

        if (condition.Keys is < 0 or > 10)
        {
            throw new DomainRuleException("Say how many keys come with the car (0 to 10).", "keys-invalid");
        }

        if (condition.Title == TitleStatus.WithLender && loan is null)
        {
            throw new DomainRuleException("The title is with a lender: give the lender and the payoff quote so the loan can be paid at the swap.", "payoff-required");
        }

        SiteId = siteId;
        CustomerId = customerId;
        OrderId = orderId;
        RequestedBy = requestedBy;
        Vehicle = vehicle;
        DeclaredMileage = mileage;
        Condition = condition;
        Currency = Money.Zero(currency).Currency;
        if (loan is not null)
        {
            SetLoan(loan);
        }

        RequestedAt = now;
        UpdatedAt = now;
        Status = TradeInStatus.AwaitingAppraisal;
        LiveVin = vehicle.Vin;
        LiveOrderId = orderId;
        Raise(new TradeInRequested(this, now));
    }

    public Guid SiteId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The new-car order it is traded against; null for a stand-alone purchase.</summary>
    public Guid? OrderId { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTime RequestedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public TradeInVehicle Vehicle { get; private set; } = null!;

    public int DeclaredMileage { get; private set; }

    public DeclaredCondition Condition { get; private set; } = null!;

    public string Currency { get; private set; } = "USD";

    public TradeInStatus Status { get; private set; }

    /// <summary>The VIN while this trade-in is live (not withdrawn, sold or returned): unique in the database, so one car is one live trade-in even under concurrent requests.</summary>
    public string? LiveVin { get; private set; }

    /// <summary>The order while this trade-in is live on it: unique, so an order has one live trade-in.</summary>
    public Guid? LiveOrderId { get; private set; }

    /// <summary>What a stand-alone purchase paid the customer: the offer less the loan we pay off for them.</summary>
    public long? PayoutAmount { get; private set; }

    // ---- The loan on the car (when the title is with a lender) ----

    public string? LenderName { get; private set; }

    public string? LenderAccount { get; private set; }

    /// <summary>The lender's payoff quote, minor units: what clears the loan up to <see cref="PayoffGoodUntil"/>.</summary>
    public long PayoffAmount { get; private set; }

    /// <summary>Interest per day after the quote's date, minor units.</summary>
    public long PayoffPerDiem { get; private set; }

    public DateOnly? PayoffGoodUntil { get; private set; }

    public bool HasLoan => PayoffAmount > 0;

    /// <summary>The payoff the customer's deal carried at the swap; a later, larger quote is the dealer's cost, never the customer's.</summary>
    public long? PayoffInDeal { get; private set; }

    public Money Payoff => new(PayoffAmount, Currency);

    // ---- The appraisal and the offer ----

    public long? MarketValue { get; private set; }

    /// <summary>Where the market value comes from (a guide, auction results, comparable listings).</summary>
    public string? MarketSource { get; private set; }

    public IReadOnlyList<ReconditioningItem> Reconditioning => _reconditioning;

    public long? TargetMargin { get; private set; }

    /// <summary>Market value − reconditioning − margin (never below zero), computed by the system.</summary>
    public long? SuggestedOffer { get; private set; }

    /// <summary>The offer made to the customer; differs from the suggestion only with a reason (a recorded decision).</summary>
    public long? FinalOffer { get; private set; }

    public string? OverrideReason { get; private set; }

    /// <summary>The last day (site time) the customer may accept the offer.</summary>
    public DateOnly? ValidUntil { get; private set; }

    /// <summary>How many more miles than appraised the car may have at handover and still take the offer.</summary>
    public int MileageTolerance { get; private set; }

    public OfferHold Hold { get; private set; }

    /// <summary>With <see cref="OfferHold.Recheck"/>: the most (percent) the re-checked offer may move down at handover.</summary>
    public int RecheckBandPercent { get; private set; }

    public Guid? AppraisedBy { get; private set; }

    public DateTime? AppraisedAt { get; private set; }

    public int Appraisals { get; private set; }

    public DateTime? OfferViewedAt { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public ChoiceChannel? AnsweredVia { get; private set; }

    public Guid? AnswerRecordedBy { get; private set; }

    public string? ReappraisalNote { get; private set; }

    // ---- Custody and credit ----

    public DateTime? ReceivedAt { get; private set; }

    public Guid? ReceivedBy { get; private set; }

    public int? HandoverMileage { get; private set; }

    public int? KeysReceived { get; private set; }

    public bool TitleReceived { get; private set; }

    /// <summary>When the customer was credited (swap) or paid (stand-alone): the same instant as <see cref="ReceivedAt"/>.</summary>
    public DateTime? CreditedAt { get; private set; }

    /// <summary>The allowance credited, minor units.</summary>
    public long? Allowance { get; private set; }

    /// <summary>The payout reference of a stand-alone purchase (check number, transfer id).</summary>
    public string? PayoutReference { get; private set; }

    // ---- Payoff of the loan (the law's clock) ----

    public DateOnly? LienholderNoticeDueBy { get; private set; }

    public DateTime? LienholderNotifiedAt { get; private set; }

    public DateOnly? PayoffDueBy { get; private set; }

    public DateTime? PayoffSentAt { get; private set; }

    public long? PayoffSentAmount { get; private set; }

    public string? PayoffReference { get; private set; }

    /// <summary>Interest paid beyond the quote the customer's balance covered: accrued through the dealer's delay, paid by the dealer.</summary>
    public long DealerInterest { get; private set; }

    public DateTime? PayoffConfirmedAt { get; private set; }

    /// <summary>Paid to the lender for less than the deal carried (the customer paid some off meanwhile): owed back to the customer.</summary>
    public long PayoffRefundDue { get; private set; }

    /// <summary>The last day the customer may cancel the deal this car was traded in on (fixed at the swap from the site's rule then).</summary>
    public DateOnly? CancellableUntil { get; private set; }

    /// <summary>When the deal was cancelled after the payoff had gone: what the dealer paid the lender, to settle with the customer.</summary>
    public long? PayoffToRecover { get; private set; }

    // ---- Afterwards ----

    public DateTime? SoldAt { get; private set; }

    public SaleChannel? SoldAs { get; private set; }

    public DateTime? ReturnedAt { get; private set; }

    /// <summary>Refunded when the deal was cancelled and the car was already gone: the greater of market value and allowance.</summary>
    public long? CancellationRefund { get; private set; }

    public IReadOnlyList<TradeInPhoto> Photos => _photos;

    public Money? Offer => FinalOffer is { } offer ? new Money(offer, Currency) : null;

    /// <summary>Whether the offer may still be accepted on <paramref name="siteToday"/>.</summary>
    public bool OfferOpen(DateOnly siteToday) => Status == TradeInStatus.Offered && ValidUntil is { } until && siteToday <= until;

    /// <summary>Loan payoff above the allowance: the customer owes more on the old car than it is worth to us.</summary>
    public Money NegativeEquity => new(Math.Max(0, PayoffAmount - (FinalOffer ?? 0)), Currency);

    /// <summary>Days from handing over the car to being credited or paid. Zero for every swap: both happen in one step.</summary>
    public int? PayoutLagDays => ReceivedAt is { } received && CreditedAt is { } credited ? (int)Math.Max(0, (credited.Date - received.Date).TotalDays) : null;

    /// <summary>A photo of the car, stored in the data folder under a name the system chose.</summary>
    public TradeInPhoto AddPhoto(string contentType, long bytes, string storedName, DateTime now)
    {
        EnsureNotTaken();
        if (_photos.Count >= MaxPhotos)
        {
            throw new DomainRuleException($"A trade-in has at most {MaxPhotos} photos; remove one first.", "photos-full");
        }

        var photo = new TradeInPhoto(contentType, bytes, storedName, now);
        _photos.Add(photo);
        Touch(now);
        return photo;
    }

    /// <summary>
    /// The used-car manager's valuation. The system suggests market − reconditioning − margin; a different
    /// final offer needs a reason (and becomes a recorded decision). A new appraisal replaces the old offer.
    /// </summary>
    public void Appraise(Appraisal appraisal, Guid appraiser, DateOnly siteToday, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        if (Status is TradeInStatus.Received or TradeInStatus.Sold or TradeInStatus.Returned or TradeInStatus.Withdrawn)
        {
            throw new DomainRuleException($"This trade-in is {Describe(Status).ToLowerInvariant()}; it can no longer be appraised.", "trade-in-closed");
        }

        if (appraisal.MarketValue <= 0 || appraisal.TargetMargin < 0 || appraisal.Reconditioning.Any(r => r.Cost < 0 || string.IsNullOrWhiteSpace(r.Description)))
        {
            throw new DomainRuleException("The market value must be more than zero; margin and reconditioning costs cannot be negative, and each item needs a description.", "appraisal-invalid");
        }

        if (appraisal.FinalOffer < 0)
        {
            throw new DomainRuleException("The offer cannot be negative.", "appraisal-invalid");
        }

        var suggested = Suggest(appraisal.MarketValue, appraisal.Reconditioning.Sum(r => r.Cost), appraisal.TargetMargin);
        var bandFloor = Status == TradeInStatus.Accepted && Hold == OfferHold.Recheck && FinalOffer is { } held ? held - (held * RecheckBandPercent / 100) : (long?)null;
        if (bandFloor is { } promised && appraisal.FinalOffer == promised && suggested < promised && string.IsNullOrWhiteSpace(appraisal.OverrideReason))
        {
            appraisal = appraisal with { OverrideReason = $"Held at the floor of the {RecheckBandPercent}% re-check band promised when the customer accepted" };
        }

        if (appraisal.FinalOffer != suggested && string.IsNullOrWhiteSpace(appraisal.OverrideReason))
        {
            throw new DomainRuleException("The offer differs from the suggested one: say why (it is recorded as a decision).", "override-reason-required");
        }

        if (Status == TradeInStatus.Accepted && Hold == OfferHold.Locked && FinalOffer is { } locked && appraisal.FinalOffer < locked && string.IsNullOrWhiteSpace(appraisal.OverrideReason))
        {
            throw new DomainRuleException($"The customer accepted an offer locked until delivery ({new Money(locked, Currency).Format(En)}): lower it only if the car is not as declared, and say why.", "locked-offer");
        }

        if (appraisal.ValidUntil < siteToday || appraisal.ValidUntil > siteToday.AddDays(90))
        {
            throw new DomainRuleException("An offer is valid from today for at most 90 days.", "validity-invalid");
        }

        if (appraisal.MileageTolerance is < 0 or > 10_000)
        {
            throw new DomainRuleException("The mileage tolerance is between 0 and 10,000.", "validity-invalid");
        }

        if (appraisal.Hold == OfferHold.Recheck && appraisal.RecheckBandPercent is < 1 or > 25)
        {
            throw new DomainRuleException("A re-checked offer states how far it may move: 1 to 25 percent.", "recheck-band-invalid");
        }

        // A re-check of an accepted "re-checked within a band" offer keeps the promise made: no lower than the band allows,
        // unless the appraiser says why (the car is not as declared), which is then a recorded decision like any override.
        if (bandFloor is { } floor)
        {
            if (appraisal.FinalOffer < floor && string.IsNullOrWhiteSpace(appraisal.OverrideReason))
            {
                throw new DomainRuleException($"The customer accepted an offer to be re-checked within {RecheckBandPercent}%: the re-checked offer can be no lower than {new Money(floor, Currency).Format(System.Globalization.CultureInfo.GetCultureInfo("en-US"))}. If the car is not as declared, say why.", "recheck-outside-band");
            }
        }

        var previousOffer = FinalOffer;
        MarketValue = appraisal.MarketValue;
        MarketSource = appraisal.MarketSource.Trim();
        _reconditioning.Clear();
        _reconditioning.AddRange(appraisal.Reconditioning.Select(r => new ReconditioningItem(r.Description.Trim(), r.Cost)));
        TargetMargin = appraisal.TargetMargin;
        SuggestedOffer = suggested;
        FinalOffer = appraisal.FinalOffer;
        OverrideReason = appraisal.FinalOffer == suggested ? null : appraisal.OverrideReason!.Trim();
        ValidUntil = appraisal.ValidUntil;
        MileageTolerance = appraisal.MileageTolerance;
        Hold = appraisal.Hold;
        RecheckBandPercent = appraisal.Hold == OfferHold.Recheck ? appraisal.RecheckBandPercent : 0;
        AppraisedBy = appraiser;
        AppraisedAt = now;
        Appraisals++;
        Status = TradeInStatus.Offered;
        AnsweredAt = null;
        AnsweredVia = null;
        AnswerRecordedBy = null;
        OfferViewedAt = null;
        ReappraisalNote = null;
        Touch(now);
        Raise(new TradeInOffered(this, previousOffer, now));
    }

    public static long Suggest(long marketValue, long reconditioning, long margin) => Math.Max(0, marketValue - reconditioning - margin);

    /// <summary>The offer made when the appraiser gives none: the suggestion, or for the re-check of an accepted banded offer, never below the band.</summary>
    public long DefaultOffer(long suggested) =>
        Status == TradeInStatus.Accepted && Hold == OfferHold.Recheck && FinalOffer is { } held ? Math.Max(suggested, held - (held * RecheckBandPercent / 100)) : suggested;

    /// <summary>The customer opened the offer on their page (recorded once per offer).</summary>
    public void MarkViewed(DateTime now)
    {
        if (Status == TradeInStatus.Offered && OfferViewedAt is null)
        {
            OfferViewedAt = now;
            Touch(now);
        }
    }

    /// <summary>The customer's answer: on their page, or told to staff (who records how).</summary>
    /// <param name="offerNumber">The appraisal the customer was answering (<see cref="Appraisals"/>): an answer to an offer since replaced is refused.</param>
    public void Answer(bool accept, ChoiceChannel via, Guid? recordedBy, DateOnly siteToday, DateTime now, int? offerNumber = null)
    {
        if (offerNumber is { } answered && answered != Appraisals && Status == TradeInStatus.Offered)
        {
            throw new DomainRuleException("The offer changed since it was shown: read the new one before answering.", "offer-changed");
        }

        if (Status != TradeInStatus.Offered)
        {
            throw new DomainRuleException(Status switch
            {
                TradeInStatus.AwaitingAppraisal or TradeInStatus.ReappraisalRequested => "There is no offer to answer yet: the car is waiting for its appraisal.",
                TradeInStatus.Accepted => "This offer was already accepted.",
                TradeInStatus.Declined => "This offer was declined; ask for a new appraisal.",
                _ => $"This trade-in is {Describe(Status).ToLowerInvariant()}.",
            }, "offer-not-open");
        }

        if (accept && !OfferOpen(siteToday))
        {
            throw new DomainRuleException($"This offer expired on {Readable.Day(ValidUntil, "its last day")}; ask for a new appraisal to get a current offer.", "offer-expired");
        }

        Status = accept ? TradeInStatus.Accepted : TradeInStatus.Declined;
        AnsweredAt = now;
        AnsweredVia = via;
        AnswerRecordedBy = recordedBy;
        Touch(now);
        Raise(new TradeInAnswered(this, accept, via, recordedBy, now));
    }

    /// <summary>
    /// Keeps the offer open to a later day (a decision: the market can move). Only an offer still waiting for
    /// its answer, expired or not, and never more than 30 days past today: a longer wait needs a new appraisal.
    /// </summary>
    public void ExtendOffer(DateOnly until, DateOnly siteToday, DateTime now)
    {
        if (Status != TradeInStatus.Offered || ValidUntil is null)
        {
            throw new DomainRuleException("Only an offer waiting for the customer's answer can be kept open longer.", "offer-not-open");
        }

        if (until <= ValidUntil || until < siteToday || until > siteToday.AddDays(30))
        {
            throw new DomainRuleException($"Choose a day after {Readable.Day(ValidUntil, "the offer's last day")} and at most 30 days from today; past that, ask for a new appraisal.", "extension-invalid");
        }

        ValidUntil = until;
        Touch(now);
    }

    /// <summary>The customer (or staff for them) asks for a new look: an expired, declined or changed offer.</summary>
    public void RequestReappraisal(string? note, DateTime now)
    {
        if (Status is not (TradeInStatus.Offered or TradeInStatus.Declined or TradeInStatus.Accepted))
        {
            throw new DomainRuleException(Status is TradeInStatus.AwaitingAppraisal or TradeInStatus.ReappraisalRequested
                ? "An appraisal is already on its way."
                : $"This trade-in is {Describe(Status).ToLowerInvariant()}.", "reappraisal-not-possible");
        }

        Status = TradeInStatus.ReappraisalRequested;
        ReappraisalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Touch(now);
        Raise(new TradeInReappraisalRequested(this, ReappraisalNote, now));
    }

    /// <summary>
    /// Checks, without changing anything, that the car can be taken at the swap as the customer accepted it.
    /// Called by the delivery command before any part of the handover is applied.
    /// </summary>
    public void EnsureSwappable(TradeInHandover handover, DateOnly siteToday)
    {
        ArgumentNullException.ThrowIfNull(handover);
        if (Status != TradeInStatus.Accepted)
        {
            throw new DomainRuleException(Status == TradeInStatus.Offered
                ? "The customer has not accepted the trade-in offer yet: they accept it on their page, or you record their answer."
                : $"The trade-in is {Describe(Status).ToLowerInvariant()}, not an accepted offer: it cannot be taken at this delivery.", "trade-in-not-accepted");
        }

        if (Hold == OfferHold.Recheck && ValidUntil is { } until && siteToday > until)
        {
            throw new DomainRuleException($"The offer was accepted to be re-checked at handover (within {RecheckBandPercent}%) and its validity ended {Readable.Day(until)}: re-appraise the car and have the customer accept the re-checked offer first.", "trade-in-recheck-required");
        }

        if (handover.Mileage < DeclaredMileage)
        {
            throw new DomainRuleException($"The handover mileage ({handover.Mileage:N0}) is below the {DeclaredMileage:N0} appraised; check the odometer reading.", "trade-in-mileage-invalid");
        }

        if (handover.Mileage > DeclaredMileage + MileageTolerance)
        {
            throw new DomainRuleException($"The trade-in has {handover.Mileage:N0} miles: more than the {DeclaredMileage:N0} appraised plus the {MileageTolerance:N0} tolerance of the offer. Re-appraise it and have the customer accept the new offer before delivery.", "trade-in-mileage-over-tolerance");
        }

        if (!handover.ConditionConfirmed)
        {
            throw new DomainRuleException("Confirm at handover that the car's condition is as declared, or re-appraise it and have the customer accept the new offer.", "trade-in-condition-not-confirmed");
        }

        if (handover.KeysReceived < 1)
        {
            throw new DomainRuleException("Record the trade-in's keys received (at least one).", "trade-in-keys-required");
        }

        if (Condition.Title == TitleStatus.InHand && !handover.TitleReceived)
        {
            throw new DomainRuleException("The customer holds the title: take the signed title at handover (the car is credited in exchange).", "trade-in-title-required");
        }
    }

    /// <summary>The swap: the car, its keys and title are taken and the allowance credited in the same instant.</summary>
    public void TakeInAtSwap(TradeInHandover handover, Guid staffId, DealRules rules, DateOnly siteToday, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        EnsureSwappable(handover, siteToday);
        Receive(handover, staffId, rules, siteToday, now);
        Raise(new TradeInTakenIn(this, Swap: true, now));
    }

    /// <summary>A stand-alone purchase (no new car): the dealer pays the customer in the same step it takes the car.</summary>
    public void PurchaseOutright(TradeInHandover handover, string payoutReference, Guid staffId, DealRules rules, DateOnly siteToday, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (OrderId is not null)
        {
            throw new DomainRuleException("This trade-in belongs to a new-car order: it is taken at that car's delivery, in the same step that credits it.", "trade-in-early-custody");
        }

        if (string.IsNullOrWhiteSpace(payoutReference))
        {
            throw new DomainRuleException("Give the payout reference (check number or transfer id): the customer is paid in the same step the car is taken.", "payout-reference-required");
        }

        EnsureSwappable(handover, siteToday);
        var payout = (FinalOffer ?? 0) - (HasLoan ? PayoffAmount : 0);
        if (payout < 0)
        {
            throw new DomainRuleException($"The loan ({Payoff.Format(En)}) is more than the offer: the customer must pay us the difference before we can buy the car; take it as a trade-in on a deal instead, or agree a new offer.", "negative-equity-purchase");
        }

        PayoutReference = payoutReference.Trim();
        PayoutAmount = payout;
        Receive(handover, staffId, rules, siteToday, now);
        Raise(new TradeInTakenIn(this, Swap: false, now));
    }

    /// <summary>Refused always: custody before credit is what story 000 is about.</summary>
    public static DomainRuleException EarlyCustody() =>
        new("The customer keeps their car, keys and title until the dealer credits or pays them in the same step: take the trade-in at delivery (or buy it outright with the payout).", "trade-in-early-custody");

    /// <summary>The lender was told the car changed hands (the law's first clock).</summary>
    public void RecordLienholderNotified(DateTime now)
    {
        EnsureLoanOwed();
        LienholderNotifiedAt ??= now;
        Touch(now);
    }

    /// <summary>A fresh quote from the lender (the old one expired before the payoff was sent).</summary>
    public void UpdatePayoffQuote(long payoffAmount, long perDiem, DateOnly goodUntil, DateOnly siteToday, DateTime now)
    {
        if (goodUntil < siteToday || goodUntil > siteToday.AddDays(90))
        {
            throw new DomainRuleException("A new payoff quote is good from today for at most 90 days: check the date on the lender's letter.", "payoff-quote-date-invalid");
        }

        EnsureLoanOwed();
        if (PayoffSentAt is not null)
        {
            throw new DomainRuleException("The payoff was already sent.", "payoff-already-sent");
        }

        if (payoffAmount <= 0 || perDiem < 0)
        {
            throw new DomainRuleException("A payoff quote is more than zero with a per-diem that is not negative.", "payoff-invalid");
        }

        PayoffAmount = payoffAmount;
        PayoffPerDiem = perDiem;
        PayoffGoodUntil = goodUntil;
        Touch(now);
    }

    /// <summary>
    /// The payoff left the dealer. It must match a quote still good on the day it is sent; whatever it costs
    /// beyond the quote the customer's balance carried is interest from the dealer's delay, and the dealer's.
    /// </summary>
    public void RecordPayoffSent(long amount, string reference, DateOnly siteToday, DateTime now)
    {
        EnsureLoanOwed();
        if (PayoffSentAt is not null)
        {
            throw new DomainRuleException("The payoff was already sent.", "payoff-already-sent");
        }

        if (PayoffGoodUntil is { } goodUntil && siteToday > goodUntil)
        {
            throw new DomainRuleException($"The lender's payoff quote was good until {Readable.Day(goodUntil)}: ask the lender for a new quote and record it first.", "payoff-quote-expired");
        }

        if (amount < PayoffAmount)
        {
            throw new DomainRuleException($"The payoff sent ({new Money(amount, Currency)}) is less than the lender's quote; the loan would stay open.", "payoff-short");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException("Give the payment reference the lender will see.", "reference-required");
        }

        PayoffSentAt = now;
        PayoffSentAmount = amount;
        PayoffReference = reference.Trim();
        DealerInterest = Math.Max(0, amount - (PayoffInDeal ?? 0));
        PayoffRefundDue = Math.Max(0, (PayoffInDeal ?? 0) - amount);
        Touch(now);
        Raise(new PayoffSent(this, now));
    }

    /// <summary>The lender confirmed the loan is closed: the title can come, and the car may be sold.</summary>
    public void ConfirmPayoff(DateTime now)
    {
        EnsureLoanOwed();
        if (PayoffSentAt is null)
        {
            throw new DomainRuleException("Record the payoff as sent before confirming it.", "payoff-not-sent");
        }

        PayoffConfirmedAt ??= now;
        Touch(now);
        Raise(new PayoffConfirmed(this, now));
    }

    /// <summary>Retail or wholesale: only once the car is ours free and clear.</summary>
    public void MarkSold(SaleChannel channel, DateOnly siteToday, DateTime now)
    {
        if (Status != TradeInStatus.Received)
        {
            throw new DomainRuleException("Only a trade-in the dealer has taken in can be sold.", "trade-in-not-received");
        }

        if (HasLoan && PayoffConfirmedAt is null)
        {
            throw new DomainRuleException("The old loan's payoff is not confirmed yet: the car cannot be resold or wholesaled until the lender confirms it.", "payoff-not-confirmed");
        }

        if (CancellableUntil is { } until && siteToday <= until)
        {
            throw new DomainRuleException($"The customer may still cancel the deal until {Readable.Day(until)}; keep the car until then.", "cancellation-window-open");
        }

        Status = TradeInStatus.Sold;
        SoldAt = now;
        SoldAs = channel;
        Touch(now);
    }

    /// <summary>The deal was cancelled inside the window: the car goes back, or (if sold) the customer is refunded.</summary>
    public void ReturnToCustomer(DateTime now)
    {
        if (Status is not (TradeInStatus.Received or TradeInStatus.Sold))
        {
            throw new DomainRuleException("Only a trade-in the dealer took can be returned.", "trade-in-not-received");
        }

        if (Status == TradeInStatus.Sold)
        {
            CancellationRefund = Math.Max(MarketValue ?? 0, Allowance ?? 0);
        }

        if (PayoffSentAt is not null)
        {
            PayoffToRecover = PayoffSentAmount;
        }

        Status = TradeInStatus.Returned;
        ReturnedAt = now;
        Touch(now);
        Raise(new TradeInReturned(this, CancellationRefund is { } refund ? new Money(refund, Currency) : null, now));
    }

    public void Withdraw(DateTime now)
    {
        if (Status is TradeInStatus.Received or TradeInStatus.Sold or TradeInStatus.Returned or TradeInStatus.Withdrawn)
        {
            throw new DomainRuleException($"This trade-in is {Describe(Status).ToLowerInvariant()}.", "trade-in-closed");
        }

        Status = TradeInStatus.Withdrawn;
        Touch(now);
        Raise(new TradeInWithdrawn(this, now));
    }

    public static string Describe(TradeInStatus status) => status switch
    {
        TradeInStatus.AwaitingAppraisal => "Waiting for appraisal",
        TradeInStatus.Offered => "Offer made",
        TradeInStatus.Accepted => "Offer accepted",
        TradeInStatus.Declined => "Offer declined",
        TradeInStatus.ReappraisalRequested => "Re-appraisal asked for",
        TradeInStatus.Received => "Taken in",
        TradeInStatus.Sold => "Sold",
        TradeInStatus.Returned => "Returned to the customer",
        TradeInStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    private void Receive(TradeInHandover handover, Guid staffId, DealRules rules, DateOnly siteToday, DateTime now)
    {
        Status = TradeInStatus.Received;
        ReceivedAt = now;
        ReceivedBy = staffId;
        CreditedAt = now;
        Allowance = FinalOffer;
        HandoverMileage = handover.Mileage;
        KeysReceived = handover.KeysReceived;
        TitleReceived = handover.TitleReceived;
        if (OrderId is not null && rules.CancellationWindowDays > 0)
        {
            CancellableUntil = siteToday.AddDays(rules.CancellationWindowDays);
        }

        if (HasLoan)
        {
            PayoffInDeal = PayoffAmount;
            LienholderNoticeDueBy = siteToday.AddDays(rules.LienholderNoticeDays);
            PayoffDueBy = siteToday.AddDays(rules.PayoffDays);
        }

        Touch(now);
    }

    private void SetLoan(LoanPayoffQuote loan)
    {
        if (string.IsNullOrWhiteSpace(loan.Lender) || loan.PayoffAmount <= 0 || loan.PerDiem < 0)
        {
            throw new DomainRuleException("A loan needs the lender's name and a payoff amount above zero (per-diem not negative).", "payoff-invalid");
        }

        LenderName = loan.Lender.Trim();
        LenderAccount = loan.AccountReference?.Trim();
        PayoffAmount = loan.PayoffAmount;
        PayoffPerDiem = loan.PerDiem;
        PayoffGoodUntil = loan.GoodUntil;
    }

    private void EnsureLoanOwed()
    {
        if (!HasLoan)
        {
            throw new DomainRuleException("This trade-in has no loan to pay off.", "no-loan");
        }

        if (Status is not (TradeInStatus.Received or TradeInStatus.Sold))
        {
            throw new DomainRuleException("The loan is paid off once the dealer has taken the car in.", "trade-in-not-received");
        }
    }

    private void EnsureNotTaken()
    {
        if (Status is TradeInStatus.Received or TradeInStatus.Sold or TradeInStatus.Returned or TradeInStatus.Withdrawn)
        {
            throw new DomainRuleException($"This trade-in is {Describe(Status).ToLowerInvariant()}.", "trade-in-closed");
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        if (Status is TradeInStatus.Withdrawn or TradeInStatus.Sold or TradeInStatus.Returned)
        {
            LiveVin = null;
            LiveOrderId = null;
        }

        RecordChange();
    }
}

public enum TradeInStatus
{
    AwaitingAppraisal,
    Offered,
    Accepted,
    Declined,
    ReappraisalRequested,
    Received,
    Sold,
    Returned,
    Withdrawn,
}

/// <summary>How an offer made long before a factory order's delivery holds until the handover.</summary>
public enum OfferHold
{
    /// <summary>The offer stands at handover whatever the market does, within the mileage tolerance and declared condition.</summary>
    Locked,

    /// <summary>Past its validity the car is re-checked at handover; the offer may move by at most the stated band.</summary>
    Recheck,
}

public enum TitleStatus
{
    InHand,
    WithLender,
}

public enum SaleChannel
{
    Retail,
    Wholesale,
}

public sealed record TradeInVehicle(string Vin, int Year, string Make, string Model, string? Trim)
{
    public string Describe() => string.Join(' ', new[] { Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Make, Model, Trim }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>The questions appraisers ask, as the customer answered them.</summary>
public sealed record DeclaredCondition(bool WarningLights, bool SmokeOrLeaks, bool AccidentHistory, bool RepairsOver500, int Keys, TitleStatus Title);

public sealed record LoanPayoffQuote(string Lender, string? AccountReference, long PayoffAmount, long PerDiem, DateOnly? GoodUntil);

public sealed record ReconditioningLine(string Description, long Cost);

public sealed record Appraisal(long MarketValue, string MarketSource, IReadOnlyList<ReconditioningLine> Reconditioning, long TargetMargin, long FinalOffer,
    string? OverrideReason, DateOnly ValidUntil, int MileageTolerance, OfferHold Hold, int RecheckBandPercent);

/// <summary>What staff record as the customer hands the car over.</summary>
public sealed record TradeInHandover(int Mileage, bool ConditionConfirmed, int KeysReceived, bool TitleReceived);

/// <summary>A site's rules for deals: sales tax, and the deadlines the law sets for trade-in payoffs and cancellations.</summary>
public sealed record DealRules(int SalesTaxBasisPoints, bool TradeInReducesTax, int LienholderNoticeDays, int PayoffDays, int CancellationWindowDays);

public sealed class ReconditioningItem
{
    private ReconditioningItem() { }

    internal ReconditioningItem(string description, long cost)
    {
        Description = description;
        Cost = cost;
    }

    public string Description { get; private set; } = "";

    public long Cost { get; private set; }
}

public sealed class TradeInPhoto : Entity
{
    private TradeInPhoto() { }

    internal TradeInPhoto(string contentType, long bytes, string storedName, DateTime now)
    {
        ContentType = contentType;
        Bytes = bytes;
        StoredName = storedName;
        AddedAt = now;
    }

    public Guid TradeInId { get; private set; }

    public string ContentType { get; private set; } = "";

    public long Bytes { get; private set; }

    /// <summary>A name the system generated; the customer's file name is never used on disk.</summary>
    public string StoredName { get; private set; } = "";

    public DateTime AddedAt { get; private set; }
}

public sealed record TradeInRequested(TradeIn TradeIn, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInOffered(TradeIn TradeIn, long? PreviousOffer, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInAnswered(TradeIn TradeIn, bool Accepted, ChoiceChannel Via, Guid? RecordedBy, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInReappraisalRequested(TradeIn TradeIn, string? Note, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInTakenIn(TradeIn TradeIn, bool Swap, DateTime OccurredAt) : IDomainEvent;

public sealed record PayoffSent(TradeIn TradeIn, DateTime OccurredAt) : IDomainEvent;

public sealed record PayoffConfirmed(TradeIn TradeIn, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInWithdrawn(TradeIn TradeIn, DateTime OccurredAt) : IDomainEvent;

public sealed record TradeInReturned(TradeIn TradeIn, Money? Refund, DateTime OccurredAt) : IDomainEvent;
