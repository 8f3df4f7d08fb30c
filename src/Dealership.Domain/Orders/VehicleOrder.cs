using Dealership.Domain.Common;

namespace Dealership.Domain.Orders;

/// <summary>
/// A customer's order for a new vehicle at one site, followed from order to delivery. Milestones happen in a
/// fixed order, each with a promised date and, once reached, the actual time; a promise can only change with
/// a reason, and every milestone and every change raises an event so the customer hears about it.
/// </summary>
public sealed class VehicleOrder : AggregateRoot, ISiteScoped
{
    /// <summary>Milestones staff record directly; collection and delivery have commands of their own.</summary>
    public const OrderMilestone LastRecordableMilestone = OrderMilestone.PreparedForDelivery;

    private readonly List<MilestoneRecord> _milestones = [];
    private readonly List<ChecklistEntry> _checklist = [];
    private readonly List<Payment> _payments = [];
    private readonly List<OrderFee> _feeItems = [];
    private readonly List<OrderConcession> _concessions = [];

    private VehicleOrder() { }

    public VehicleOrder(Guid siteId, Guid customerId, Guid ownerStaffId, VehicleSpec vehicle, Money price, Money fees,
        IReadOnlyDictionary<OrderMilestone, DateOnly> promisedDates, DateTime now, IReadOnlyList<(FeeKind Kind, long Amount)>? feeItems = null)
    {
        if (feeItems is { Count: > 0 })
        {
            if (feeItems.Any(f => f.Amount < 0) || feeItems.Sum(f => f.Amount) != fees.Amount)
            {
                throw new DomainRuleException("Itemised fees are not negative and add up to the fees.", "fees-invalid");
            }

            _feeItems.AddRange(feeItems.Where(f => f.Amount > 0).Select(f => new OrderFee(f.Kind, f.Amount)));
        }

        ArgumentNullException.ThrowIfNull(vehicle);
        ArgumentNullException.ThrowIfNull(promisedDates);
        if (price.Amount <= 0)
        {
            throw new DomainRuleException("The price must be more than zero.", "price-not-positive");
        }

        if (fees.Amount < 0 || fees.Currency != price.Currency)
        {
            throw new DomainRuleException("Fees cannot be negative and must be in the price's currency.", "fees-invalid");
        }

        SiteId = siteId;
        CustomerId = customerId;
        OwnerStaffId = ownerStaffId;
        Vehicle = vehicle;
        Currency = price.Currency;
        PriceAmount = price.Amount;
        FeesAmount = fees.Amount;
        CreatedAt = now;
        UpdatedAt = now;
        foreach (var milestone in Enum.GetValues<OrderMilestone>())
        {
            _milestones.Add(new MilestoneRecord(milestone, promisedDates.TryGetValue(milestone, out var date) ? date : null));
        }

        _milestones.Single(m => m.Milestone == OrderMilestone.Ordered).Reach(now);
        foreach (var item in Enum.GetValues<ChecklistItem>())
        {
            _checklist.Add(new ChecklistEntry(item));
        }

        Status = OrderMilestone.Ordered;
        EnsurePromisesInOrder();
        Raise(new OrderPlaced(this, now));
    }

    public Guid SiteId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>The salesperson who owns the order and the relationship.</summary>
    public Guid OwnerStaffId { get; private set; }

    public VehicleSpec Vehicle { get; private set; } = null!;

    public string Currency { get; private set; } = "USD";

    public long PriceAmount { get; private set; }

    public long FeesAmount { get; private set; }

    public Money Price => new(PriceAmount, Currency);

    public Money Fees => new(FeesAmount, Currency);

    /// <summary>The furthest milestone reached.</summary>
    public OrderMilestone Status { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    public DateTime? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public IReadOnlyList<MilestoneRecord> Milestones => _milestones;

    public IReadOnlyList<ChecklistEntry> Checklist => _checklist;

    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>The fees line by line (documentation, registration and title, accessories); empty for an order placed with one fees amount.</summary>
    public IReadOnlyList<OrderFee> FeeItems => _feeItems;

    /// <summary>What staff gave on this deal by decision (a price adjustment, a fee waived, a goodwill credit): credits on the balance.</summary>
    public IReadOnlyList<OrderConcession> Concessions => _concessions;

    public bool IsActive => !IsCancelled && Status != OrderMilestone.Delivered;

    public OrderMilestone? NextMilestone => After(Status);

    /// <summary>The milestone that comes after <paramref name="status"/> (none once delivered); also for orders read as a projection.</summary>
    public static OrderMilestone? After(OrderMilestone status) => status == OrderMilestone.Delivered ? null : status + 1;

    public MilestoneRecord MilestoneOf(OrderMilestone milestone) => _milestones.Single(m => m.Milestone == milestone);

    public bool ChecklistComplete => _checklist.All(c => c.IsDone);

    /// <summary>Payments that count towards the price: cleared ones and a lender's pending payment (the financed part).</summary>
    public Money Paid => new(_payments.Where(p => p.CountsAsPaid).Sum(p => p.Amount), Currency);

    /// <summary>Deposits and other money received that must be refunded if the order is cancelled.</summary>
    public Money Refundable => new(_payments.Where(p => p.Status == PaymentStatus.Cleared).Sum(p => p.Amount), Currency);

    /// <summary>Records the next milestone (up to prepared for delivery) with when it actually happened.</summary>
    public void RecordMilestone(OrderMilestone milestone, DateTime reachedAt, DateTime now)
    {
        EnsureActive();
        if (milestone > LastRecordableMilestone)
        {
            throw new DomainRuleException($"{Describe(milestone)} is reached through the {(milestone == OrderMilestone.Delivered ? "delivery" : "collection")} step, not recorded directly.", "milestone-not-recordable");
        }

        var record = MilestoneOf(milestone);
        if (record.ReachedAt is not null)
        {
            throw new DomainRuleException($"{Describe(milestone)} has already been recorded.", "milestone-already-recorded");
        }

        if (milestone != Status + 1)
        {
            throw new DomainRuleException($"Record {Describe(Status + 1)} before {Describe(milestone)}: milestones happen in order.", "milestone-out-of-order");
        }

        if (reachedAt > now.AddMinutes(5))
        {
            throw new DomainRuleException("A milestone cannot be recorded in the future.", "milestone-in-future");
        }

        // "When it really happened" may be yesterday, never before the step it follows (or the order itself).
        var previous = milestone == OrderMilestone.Ordered ? (DateTime?)null : MilestoneOf(milestone - 1).ReachedAt;
        if (reachedAt < (previous ?? CreatedAt).AddMinutes(-5))
        {
            throw new DomainRuleException(previous is null || milestone - 1 == OrderMilestone.Ordered
                ? $"{Describe(milestone)} cannot have happened before the order was placed."
                : $"{Describe(milestone)} cannot have happened before {Describe(milestone - 1).ToLowerInvariant()}, which was recorded earlier.", "milestone-before-previous");
        }

        record.Reach(reachedAt);
        Status = milestone;
        Touch(now);
        Raise(new MilestoneReached(this, milestone, reachedAt, now));
    }

    /// <summary>Moves a promised date. The reason is kept and told to the customer.</summary>
    /// <summary>A date we may promise a customer: not already past at the site, and not beyond any real delivery plan.</summary>
    public static void EnsurePromisable(OrderMilestone milestone, DateOnly promisedDate, DateOnly siteToday)
    {
        if (promisedDate < siteToday)
        {
            throw new DomainRuleException($"{Describe(milestone)} cannot be promised for {promisedDate:MMM d, yyyy}: that day has passed. Promise today or later.", "promise-in-past");
        }

        if (promisedDate > siteToday.AddYears(MaxPromiseYears))
        {
            throw new DomainRuleException($"{Describe(milestone)} cannot be promised more than {MaxPromiseYears} years ahead.", "promise-too-far");
        }
    }

    public const int MaxPromiseYears = 3;

    public void ChangePromise(OrderMilestone milestone, DateOnly promisedDate, string reason, DateOnly siteToday, DateTime now)
    {
        EnsureActive();
        EnsurePromisable(milestone, promisedDate, siteToday);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the date changes: the customer will be told.", "reason-required");
        }

        var record = MilestoneOf(milestone);
        if (record.ReachedAt is not null)
        {
            throw new DomainRuleException($"{Describe(milestone)} has already happened; its date can no longer change.", "milestone-already-recorded");
        }

        var previous = record.PromisedDate;
        if (previous == promisedDate)
        {
            throw new DomainRuleException($"{Describe(milestone)} is already promised for {Readable.Day(promisedDate)}.", "promise-unchanged");
        }

        record.Promise(promisedDate, reason.Trim(), now);

        // A slip moves what depends on it: later milestones still to come keep their gaps and move by the
        // same days, in this one step, so the customer hears one new plan instead of a date that contradicts the next.
        var shifted = new List<(OrderMilestone Milestone, DateOnly Promised)>();
        if (previous is { } before && promisedDate > before)
        {
            var days = promisedDate.DayNumber - before.DayNumber;
            foreach (var later in _milestones.Where(m => m.Milestone > milestone && m.ReachedAt is null && m.PromisedDate is not null).OrderBy(m => m.Milestone))
            {
                later.Promise(later.PromisedDate!.Value.AddDays(days), $"Follows {Describe(milestone).ToLowerInvariant()}: {reason.Trim()}", now);
                shifted.Add((later.Milestone, later.PromisedDate!.Value));
            }
        }

        EnsurePromisesInOrder();
        Touch(now);
        Raise(new PromisedDateChanged(this, milestone, previous, promisedDate, reason.Trim(), now) { Shifted = shifted });
    }

    public void Cancel(string reason, DateTime now)
    {
        EnsureActive();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for cancelling.", "reason-required");
        }

        CancelledAt = now;
        CancellationReason = reason.Trim();
        Touch(now);
        Raise(new OrderCancelled(this, reason.Trim(), Refundable, now));
    }

    public void SetChecklistItem(ChecklistItem item, bool done, Guid staffId, DateTime now)
    {
        EnsureActive();
        var entry = _checklist.Single(c => c.Item == item);
        if (entry.IsDone == done)
        {
            return;
        }

        entry.Set(done, staffId, now);
        Touch(now);
        Raise(new ChecklistItemChanged(this, item, done, now));
    }

    public Payment RecordPayment(PaymentMethod method, Money amount, string? reference, PaymentStatus status, Guid receivedBy, DateTime now)
    {
        EnsureActive();
        if (amount.Currency != Currency || amount.Amount <= 0)
        {
            throw new DomainRuleException($"A payment must be a positive amount in {Currency}.", "payment-invalid");
        }

        if (method is not PaymentMethod.Cash && string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainRuleException($"A {method} payment needs a reference (card authorization, check number, transfer or loan id).", "reference-required");
        }

        var payment = new Payment(Id, method, amount.Amount, Currency, reference?.Trim(), status, receivedBy, now);
        _payments.Add(payment);
        Touch(now);
        Raise(new PaymentRecorded(this, payment, now));
        return payment;
    }

    /// <summary>A manager called the issuing bank: the check counts from now, before it clears (good funds).</summary>
    public Payment VerifyPayment(Guid paymentId, Guid by, string note, DateTime now)
    {
        var payment = OwnPayment(paymentId);
        payment.Verify(by, note, now);
        Touch(now);
        Raise(new PaymentSettled(this, payment, PaymentSettlement.Verified, now));
        return payment;
    }

    /// <summary>A check taken before it clears, by a decision on the dealer's risk: it counts from now, and nobody claims the bank confirmed it.</summary>
    public Payment AcceptPaymentOnRisk(Guid paymentId, Guid by, string note, DateTime now)
    {
        var payment = OwnPayment(paymentId);
        payment.Verify(by, note, now, onRisk: true);
        Touch(now);
        Raise(new PaymentSettled(this, payment, PaymentSettlement.Verified, now));
        return payment;
    }

    /// <summary>The money arrived, or the check came back. A bounce after delivery is money the customer still owes: the caller raises it.</summary>
    public Payment SettlePayment(Guid paymentId, bool cleared, Guid by, string? note, DateTime now)
    {
        var payment = OwnPayment(paymentId);
        payment.Settle(cleared, by, note, now);
        Touch(now);
        Raise(new PaymentSettled(this, payment, cleared ? PaymentSettlement.Cleared : PaymentSettlement.Bounced, now));
        return payment;
    }

    /// <summary>
    /// A decision's money, granted (within the person's limit, or approved): a price adjustment lowers the taxed
    /// price, a fee waiver cannot exceed the fees, a goodwill credit is money off the balance. Granted once per
    /// decision, and never after the handover (the deal is closed).
    /// </summary>
    public OrderConcession GrantConcession(Guid decisionId, Decisions.DecisionAction kind, Money amount, string reason, DateTime now)
    {
        if (_concessions.FirstOrDefault(c => c.DecisionId == decisionId) is { } granted)
        {
            return granted;
        }

        CheckConcession(kind, amount);
        var concession = new OrderConcession(decisionId, kind, amount.Amount, reason.Trim(), now);
        _concessions.Add(concession);
        Touch(now);
        return concession;
    }

    /// <summary>Whether the deal can take this concession now: asked before anyone approves it, and again when it is granted.</summary>
    public void CheckConcession(Decisions.DecisionAction kind, Money amount)
    {
        EnsureActive();
        if (Status == OrderMilestone.Delivered)
        {
            throw new DomainRuleException("The car has been handed over: the deal is closed, so nothing more comes off it.", "deal-closed");
        }

        if (kind is not (Decisions.DecisionAction.PriceAdjustment or Decisions.DecisionAction.FeeWaiver or Decisions.DecisionAction.Goodwill))
        {
            throw new DomainRuleException("Only a price adjustment, a fee waiver or a goodwill credit changes what the customer pays for the car.", "not-a-concession");
        }

        if (amount.Currency != Currency || amount.Amount <= 0)
        {
            throw new DomainRuleException($"The amount must be more than zero, in {Currency}.", "amount");
        }

        var waived = _concessions.Where(c => c.Kind == Decisions.DecisionAction.FeeWaiver).Sum(c => c.Amount);
        if (kind == Decisions.DecisionAction.FeeWaiver && waived + amount.Amount > FeesAmount)
        {
            var left = new Money(FeesAmount - waived, Currency).Format(System.Globalization.CultureInfo.GetCultureInfo("en-US"));
            throw new DomainRuleException($"Only {left} of this deal's fees is left to waive.", "waiver-above-fees");
        }

        var adjusted = _concessions.Where(c => c.Kind == Decisions.DecisionAction.PriceAdjustment).Sum(c => c.Amount);
        if (kind == Decisions.DecisionAction.PriceAdjustment && adjusted + amount.Amount > PriceAmount)
        {
            throw new DomainRuleException("A price adjustment cannot take the price below zero.", "adjustment-above-price");
        }
    }

    private Payment OwnPayment(Guid paymentId) =>
        _payments.FirstOrDefault(p => p.Id == paymentId) ?? throw new DomainRuleException("No such payment on this order.", "not-found");

    /// <summary>The customer chose a collection time (or moved it): the order is scheduled for that day.</summary>
    public void ScheduleCollection(DateTime startsAt, DateOnly localDate, bool reschedule, Handover.ChoiceChannel statedVia, Guid? recordedBy, DateTime now)
    {
        EnsureActive();
        if (Status < OrderMilestone.PreparedForDelivery)
        {
            throw new DomainRuleException("Collection can be booked once the car is prepared for delivery.", "not-ready-for-collection");
        }

        if (!ChecklistComplete)
        {
            var missing = string.Join(", ", _checklist.Where(c => !c.IsDone).Select(c => c.Item));
            throw new DomainRuleException($"Collection can be booked once the readiness checklist is complete (still open: {missing}).", "checklist-incomplete");
        }

        var scheduled = MilestoneOf(OrderMilestone.CollectionScheduled);
        if (scheduled.ReachedAt is null)
        {
            scheduled.Reach(now);
            Status = OrderMilestone.CollectionScheduled;
        }

        MilestoneOf(OrderMilestone.Delivered).Promise(localDate, reschedule ? "Collection moved by the customer" : "Collection time chosen by the customer", now);
        _proposedCollectionTimes.Clear();
        Touch(now);
        Raise(new CollectionBooked(this, startsAt, reschedule, statedVia, recordedBy, now));
    }

    /// <summary>
    /// The handover: requires the collection booking, the complete checklist and the deal's balance settled
    /// (<see cref="DealBalance"/>: tax, trade-in allowance and payoff included). The new car's keys go to the
    /// customer; the order is delivered. The delivery command takes the trade-in in this same step.
    /// </summary>
    public void Deliver(bool hasBooking, DealBalance balance, int newCarKeys, string? payoutReference, Guid handedOverBy, DateOnly? cancellableUntil, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(balance);
        EnsureActive();
        if (Status != OrderMilestone.CollectionScheduled || !hasBooking)
        {
            throw new DomainRuleException("Book the collection with the customer before handing the car over.", "collection-not-booked");
        }

        if (!ChecklistComplete)
        {
            throw new DomainRuleException("The readiness checklist is not complete.", "checklist-incomplete");
        }

        var en = System.Globalization.CultureInfo.GetCultureInfo("en-US");
        if (balance.Due.Amount > 0)
        {
            throw new DomainRuleException($"The balance of {balance.Due.Format(en)} is not settled: record the payment (method and reference) first." +
                (balance.Pending.Amount > 0 ? $" {balance.Pending.Format(en)} is pending and counts once it clears." : ""), "balance-due");
        }

        if (balance.Due.Amount < 0 && string.IsNullOrWhiteSpace(payoutReference))
        {
            throw new DomainRuleException($"We owe the customer {(Money.Zero(Currency) - balance.Due).Format(en)} (the trade-in is worth more than the balance): give the payout reference (check number or transfer id) so they are paid at handover.", "payout-reference-required");
        }

        if (newCarKeys is < 1 or > 10)
        {
            throw new DomainRuleException("Record how many keys of the new car were handed over (1 to 10).", "keys-invalid");
        }

        MilestoneOf(OrderMilestone.Delivered).Reach(now);
        Status = OrderMilestone.Delivered;
        KeysHandedOverBy = handedOverBy;
        NewCarKeysHandedOver = newCarKeys;
        PayoutReference = string.IsNullOrWhiteSpace(payoutReference) ? null : payoutReference.Trim();
        CancellableUntil = cancellableUntil;
        // The deal as it was closed: later changes to the site's tax never rewrite a delivered deal's balance.
        TaxBasisPointsAtDelivery = balance.TaxBasisPoints;
        TradeInReducedTaxAtDelivery = balance.TradeInReducesTax;
        PayoutAmount = balance.Due.Amount < 0 ? -balance.Due.Amount : null;
        Touch(now);
        Raise(new OrderDelivered(this, handedOverBy, now));
    }

    /// <summary>How many keys of the new car the customer received.</summary>
    public int? NewCarKeysHandedOver { get; private set; }

    /// <summary>When the dealer owed the customer money at handover (a trade-in worth more than the balance): how it was paid.</summary>
    public string? PayoutReference { get; private set; }

    /// <summary>The site's sales tax when the deal closed (basis points); null until delivery.</summary>
    public int? TaxBasisPointsAtDelivery { get; private set; }

    public bool? TradeInReducedTaxAtDelivery { get; private set; }

    /// <summary>What the dealer paid the customer at handover when the trade-in was worth more than the balance.</summary>
    public long? PayoutAmount { get; private set; }

    /// <summary>The last day the customer may cancel this delivered deal: the site's window as it stood at delivery (null: no right to cancel).</summary>
    public DateOnly? CancellableUntil { get; private set; }

    /// <summary>When a delivered deal was cancelled inside the site's cancellation window.</summary>
    public DateTime? RescindedAt { get; private set; }

    /// <summary>
    /// The customer's right to cancel a delivered deal within the site's window (California's 3-day right for
    /// many used-car sales): the order is cancelled, the money received is refunded, and the delivery command's
    /// counterpart returns the trade-in, all in one step.
    /// </summary>
    public void Rescind(string reason, DateOnly siteToday, DateTime now)
    {
        if (IsCancelled || Status != OrderMilestone.Delivered)
        {
            throw new DomainRuleException("Only a delivered deal can be cancelled under the cancellation window.", "order-not-delivered");
        }

        if (CancellableUntil is not { } until)
        {
            throw new DomainRuleException("This deal was delivered without a right to cancel (the site had no cancellation window then).", "no-cancellation-window");
        }

        if (siteToday > until)
        {
            throw new DomainRuleException($"The cancellation window ended on {Readable.Day(until)}.", "cancellation-window-closed");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for cancelling.", "reason-required");
        }

        CancelledAt = now;
        RescindedAt = now;
        CancellationReason = reason.Trim();
        Touch(now);
        Raise(new OrderRescinded(this, reason.Trim(), Refundable, now));
    }

    private readonly List<DateTime> _proposedCollectionTimes = [];

    /// <summary>Up to three times staff suggested; the customer picks one (or another open time). Never imposed.</summary>
    public IReadOnlyList<DateTime> ProposedCollectionTimes => _proposedCollectionTimes;

    public void ProposeCollectionTimes(IReadOnlyList<DateTime> times, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(times);
        EnsureActive();
        var distinct = times.Distinct().OrderBy(t => t).ToList();
        if (distinct.Count is < 1 or > 3)
        {
            throw new DomainRuleException("Propose one to three times; the customer chooses.", "proposals-count");
        }

        _proposedCollectionTimes.Clear();
        _proposedCollectionTimes.AddRange(distinct);
        Touch(now);
        Raise(new CollectionTimesProposed(this, distinct, now));
    }

    /// <summary>Who handed the new car's keys to the customer.</summary>
    public Guid? KeysHandedOverBy { get; private set; }

    public static string Describe(OrderMilestone milestone) => milestone switch
    {
        OrderMilestone.Ordered => "Ordered",
        OrderMilestone.FactoryConfirmed => "Factory confirmed",
        OrderMilestone.Built => "Built",
        OrderMilestone.InTransit => "In transit",
        OrderMilestone.ArrivedAtDealership => "Arrived at the dealership",
        OrderMilestone.PreparedForDelivery => "Prepared for delivery",
        OrderMilestone.CollectionScheduled => "Collection scheduled",
        OrderMilestone.Delivered => "Delivered",
        _ => milestone.ToString(),
    };

    private void EnsurePromisesInOrder()
    {
        DateOnly? previous = null;
        foreach (var record in _milestones.OrderBy(m => m.Milestone).Where(m => m.ReachedAt is null && m.PromisedDate is not null))
        {
            if (previous is not null && record.PromisedDate < previous)
            {
                throw new DomainRuleException($"{Describe(record.Milestone)} cannot be promised before the milestone that precedes it ({Readable.Day(previous.Value)}).", "promises-out-of-order");
            }

            previous = record.PromisedDate;
        }
    }

    private void EnsureActive()
    {
        if (IsCancelled)
        {
            throw new DomainRuleException("This order was cancelled.", "order-cancelled");
        }

        if (Status == OrderMilestone.Delivered)
        {
            throw new DomainRuleException("This order has been delivered.", "order-delivered");
        }
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        RecordChange();
    }
}

public enum OrderMilestone
{
    Ordered,
    FactoryConfirmed,
    Built,
    InTransit,
    ArrivedAtDealership,
    PreparedForDelivery,
    CollectionScheduled,
    Delivered,
}

/// <summary>What is ordered. The VIN is known once the car is built.</summary>
public sealed record VehicleSpec(int Year, string Make, string Model, string? Trim, string? Color, string? Options, string? Vin)
{
    public string Describe() => string.Join(' ', new[] { Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Make, Model, Trim }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One milestone of an order: the date promised to the customer and when it actually happened.</summary>
public sealed class MilestoneRecord
{
    private MilestoneRecord() { }

    internal MilestoneRecord(OrderMilestone milestone, DateOnly? promisedDate)
    {
        Milestone = milestone;
        PromisedDate = promisedDate;
    }

    public OrderMilestone Milestone { get; private set; }

    public DateOnly? PromisedDate { get; private set; }

    public DateTime? ReachedAt { get; private set; }

    public string? LastChangeReason { get; private set; }

    public DateTime? LastChangedAt { get; private set; }

    internal void Reach(DateTime at) => ReachedAt = at;

    internal void Promise(DateOnly date, string reason, DateTime now)
    {
        PromisedDate = date;
        LastChangeReason = reason;
        LastChangedAt = now;
    }
}

public enum FeeKind
{
    Documentation,
    RegistrationAndTitle,
    Accessories,
}

/// <summary>Money given on a deal by one decision, in the order's currency (minor units).</summary>
public sealed class OrderConcession
{
    private OrderConcession() { }

    internal OrderConcession(Guid decisionId, Decisions.DecisionAction kind, long amount, string reason, DateTime grantedAt)
    {
        DecisionId = decisionId;
        Kind = kind;
        Amount = amount;
        Reason = reason;
        GrantedAt = grantedAt;
    }

    public Guid DecisionId { get; private set; }

    public Decisions.DecisionAction Kind { get; private set; }

    public long Amount { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTime GrantedAt { get; private set; }

    public string Describe() => Kind switch
    {
        Decisions.DecisionAction.PriceAdjustment => "Price adjustment",
        Decisions.DecisionAction.FeeWaiver => "Fees waived",
        _ => "Goodwill credit",
    };
}

/// <summary>One itemised fee of an order, in the order's currency (minor units).</summary>
public sealed class OrderFee
{
    private OrderFee() { }

    internal OrderFee(FeeKind kind, long amount)
    {
        Kind = kind;
        Amount = amount;
    }

    public FeeKind Kind { get; private set; }

    public long Amount { get; private set; }

    public static string Describe(FeeKind kind) => kind switch
    {
        FeeKind.Documentation => "Documentation fee",
        FeeKind.RegistrationAndTitle => "Registration and title",
        FeeKind.Accessories => "Accessories",
        _ => kind.ToString(),
    };
}

public enum ChecklistItem
{
    PreDeliveryInspection,
    FundsArranged,
    InsuranceProof,
    RegistrationPaperwork,
}

public sealed class ChecklistEntry
{
    private ChecklistEntry() { }

    internal ChecklistEntry(ChecklistItem item) => Item = item;

    public ChecklistItem Item { get; private set; }

    public DateTime? DoneAt { get; private set; }

    public Guid? DoneBy { get; private set; }

    public bool IsDone => DoneAt is not null;

    /// <summary>Items the customer has to provide or decide (the tracking page lists the open ones).</summary>
    public bool NeedsCustomer => Item is ChecklistItem.FundsArranged or ChecklistItem.InsuranceProof or ChecklistItem.RegistrationPaperwork;

    internal void Set(bool done, Guid staffId, DateTime now)
    {
        DoneAt = done ? now : null;
        DoneBy = done ? staffId : null;
    }
}

public sealed record OrderPlaced(VehicleOrder Order, DateTime OccurredAt) : IDomainEvent;

public sealed record MilestoneReached(VehicleOrder Order, OrderMilestone Milestone, DateTime ReachedAt, DateTime OccurredAt) : IDomainEvent;

public sealed record PromisedDateChanged(VehicleOrder Order, OrderMilestone Milestone, DateOnly? Previous, DateOnly Promised, string Reason, DateTime OccurredAt) : IDomainEvent
{
    /// <summary>Later milestones whose promises moved with this one, and their new dates.</summary>
    public IReadOnlyList<(OrderMilestone Milestone, DateOnly Promised)> Shifted { get; init; } = [];
}

public sealed record OrderCancelled(VehicleOrder Order, string Reason, Money Refundable, DateTime OccurredAt) : IDomainEvent;

public sealed record ChecklistItemChanged(VehicleOrder Order, ChecklistItem Item, bool Done, DateTime OccurredAt) : IDomainEvent;

public sealed record PaymentRecorded(VehicleOrder Order, Payment Payment, DateTime OccurredAt) : IDomainEvent;

public enum PaymentSettlement
{
    Verified,
    Cleared,
    Bounced,
}

public sealed record PaymentSettled(VehicleOrder Order, Payment Payment, PaymentSettlement How, DateTime OccurredAt) : IDomainEvent;

public sealed record CollectionBooked(VehicleOrder Order, DateTime StartsAt, bool Rescheduled, Handover.ChoiceChannel StatedVia, Guid? RecordedBy, DateTime OccurredAt) : IDomainEvent;

public sealed record CollectionTimesProposed(VehicleOrder Order, IReadOnlyList<DateTime> Times, DateTime OccurredAt) : IDomainEvent;

public sealed record OrderRescinded(VehicleOrder Order, string Reason, Money Refundable, DateTime OccurredAt) : IDomainEvent;

public sealed record OrderDelivered(VehicleOrder Order, Guid HandedOverBy, DateTime OccurredAt) : IDomainEvent;
