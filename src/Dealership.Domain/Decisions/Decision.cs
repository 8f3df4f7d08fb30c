using Dealership.Domain.Common;

namespace Dealership.Domain.Decisions;

/// <summary>
/// A discretionary decision by front-line staff (a loaner, a goodwill credit, a reschedule offered as
/// recovery; later fee waivers and cheques): who decided what for which customer and why, whether it was
/// within their limit or waits for a manager, and — once known — how it turned out. The record outlives
/// the case so the business can learn which decisions work.
/// </summary>
public sealed class Decision : AggregateRoot, ISiteScoped
{
    private Decision() { }

    /// <param name="paymentId">For accepting a check: which payment.</param>
    /// <param name="extendTo">For keeping an offer open: the new last day.</param>
    public Decision(Guid siteId, Guid staffId, DecisionAction action, Money? amount, Guid customerId, string subjectType, Guid subjectId,
        string reason, bool withinLimit, DateTime now, Guid? paymentId = null, DateOnly? extendTo = null, DecisionReason why = DecisionReason.Other)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why: the decision is recorded for the customer's history.", "reason-required");
        }

        if (amount is { Amount: < 0 })
        {
            throw new DomainRuleException("The amount cannot be negative.", "amount");
        }

        SiteId = siteId;
        StaffId = staffId;
        Action = action;
        Amount = amount?.Amount;
        Currency = amount?.Currency;
        CustomerId = customerId;
        SubjectType = subjectType;
        SubjectId = subjectId;
        PaymentId = paymentId;
        ExtendTo = extendTo;
        Why = why;
        Reason = reason.Trim();
        CreatedAt = now;
        Status = withinLimit ? DecisionStatus.Applied : DecisionStatus.AwaitingApproval;
        DecidedBy = withinLimit ? staffId : null;
        DecidedAt = withinLimit ? now : null;
        Outcome = DecisionOutcome.Open;
        if (!withinLimit)
        {
            Raise(new DecisionAwaitingApproval(this, now));
        }
    }

    public Guid SiteId { get; private set; }

    /// <summary>Who made (or asked for) the decision.</summary>
    public Guid StaffId { get; private set; }

    public DecisionAction Action { get; private set; }

    /// <summary>Value in minor units, for actions that have one (goodwill, coupon, discount).</summary>
    public long? Amount { get; private set; }

    public string? Currency { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>"appointment", "order" or "trade-in".</summary>
    public string SubjectType { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    /// <summary>The check a decision to accept a check is about.</summary>
    public Guid? PaymentId { get; private set; }

    /// <summary>The new last day of an offer kept open.</summary>
    public DateOnly? ExtendTo { get; private set; }

    /// <summary>Applied (within the limit) or approved: its effect holds.</summary>
    public bool Granted => Status is DecisionStatus.Applied or DecisionStatus.Approved;

    public string Reason { get; private set; } = "";

    /// <summary>Why, as a kind (our mistake, a wait, a competitor, loyalty, hardship): what lets managers see which reasons pay off.</summary>
    public DecisionReason Why { get; private set; }

    public DecisionStatus Status { get; private set; }

    /// <summary>Who applied or approved/declined it: the staff member within their limit, or the manager.</summary>
    public Guid? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DecisionOutcome Outcome { get; private set; }

    public string? OutcomeNote { get; private set; }

    /// <summary>The approver's reason, told to the requester (a decline always needs one).</summary>
    public string? AnswerNote { get; private set; }

    public void Approve(Guid managerId, DateTime now, string? note = null) => Decide(DecisionStatus.Approved, managerId, now, note);

    public void Decline(Guid managerId, DateTime now, string? note = null)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Say why it is declined: the person who asked is told, so they can explain it to the customer.", "reason-required");
        }

        Decide(DecisionStatus.Declined, managerId, now, note);
    }

    public void RecordOutcome(DecisionOutcome outcome, string? note)
    {
        if (outcome == DecisionOutcome.Open)
        {
            throw new DomainRuleException("Record how it turned out: kept the customer, lost the customer, or no effect.", "outcome");
        }

        Outcome = outcome;
        OutcomeNote = note?.Trim();
        RecordChange();
    }

    private void Decide(DecisionStatus status, Guid managerId, DateTime now, string? note)
    {
        if (Status != DecisionStatus.AwaitingApproval)
        {
            throw new DomainRuleException($"This decision is already {Status.ToString().ToLowerInvariant()}.", "decision-closed");
        }

        if (managerId == StaffId)
        {
            throw new DomainRuleException("Someone else approves your own request: that is what the limit is for.", "own-request");
        }

        Status = status;
        DecidedBy = managerId;
        DecidedAt = now;
        AnswerNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordChange();
        Raise(new DecisionAnswered(this, now));
    }
}

public sealed record DecisionAwaitingApproval(Decision Decision, DateTime OccurredAt) : IDomainEvent;

public sealed record DecisionAnswered(Decision Decision, DateTime OccurredAt) : IDomainEvent;

public enum DecisionAction
{
    Reschedule,
    Loaner,
    Goodwill,
    Coupon,
    Discount,

    /// <summary>A trade-in offer that differs from the system's suggestion (market − reconditioning − margin).</summary>
    OfferOverride,

    /// <summary>Less off a car's price: reduces the taxable price.</summary>
    PriceAdjustment,

    /// <summary>A fee of the deal not charged (documentation, registration): up to the order's fees.</summary>
    FeeWaiver,

    /// <summary>A personal or company check counted as paid before it clears, on our risk (yes or no).</summary>
    AcceptCheck,

    /// <summary>A trade-in offer kept open past its date (yes or no, with the new date).</summary>
    ExtendOffer,
}

/// <summary>The kind of reason behind a decision; the words are kept beside it.</summary>
public enum DecisionReason
{
    Other,

    /// <summary>We got something wrong: a mistake, a promise broken.</summary>
    OurMistake,

    /// <summary>The customer waited: a late car, a part that did not come.</summary>
    Delay,

    /// <summary>To match a competitor's written offer.</summary>
    CompetitorMatch,

    /// <summary>A customer of long standing.</summary>
    Loyalty,

    /// <summary>The customer's own circumstances.</summary>
    Hardship,
}

public enum DecisionStatus
{
    Applied,
    AwaitingApproval,
    Approved,
    Declined,
}

public enum DecisionOutcome
{
    Open,
    CustomerKept,
    CustomerLost,
    NoEffect,
}
