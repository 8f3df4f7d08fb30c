using Dealership.Domain.Decisions;

namespace Dealership.Application.Decisions;

/// <summary>Where a visit was moved: its new time (UTC and the site's wall clock) and the advisor who has it.</summary>
public sealed record VisitMovedTo(DateTime StartsAt, DateTime LocalStartsAt, string AdvisorName);

/// <summary>A decision as staff see it; <c>Limit</c> is set when it exceeded the decider's limit (then it awaits approval).</summary>
public sealed record DecisionView(Guid Id, Guid SiteId, Guid StaffId, string StaffName, DecisionAction Action, long? Amount, string? Currency, Guid CustomerId,
    string SubjectType, Guid SubjectId, string Reason, DecisionStatus Status, Guid? DecidedBy, DateTime? DecidedAt, DecisionOutcome Outcome, string? OutcomeNote,
    DateTime CreatedAt, long? Limit)
{
    public string? CustomerName { get; init; }

    /// <summary>The approver's reason, as the requester was told.</summary>
    public string? AnswerNote { get; init; }

    /// <summary>The kind of reason (our mistake, a wait, a competitor, loyalty, hardship).</summary>
    public DecisionReason Why { get; init; }

    /// <summary>For an offer kept open: the new last day asked for.</summary>
    public DateOnly? ExtendTo { get; init; }

    /// <summary>
    /// For a recovery that moved the visit: where it went. The time was picked, not the person, so another advisor
    /// free then may have it now, and whoever moved it is told who.
    /// </summary>
    public VisitMovedTo? MovedTo { get; init; }

    /// <summary>"price adjustment of $900.00", "trade-in offer kept open to Sat, Dec 20, 2026": what was decided, in words.</summary>
    public string Describe(System.Globalization.CultureInfo culture) =>
        Service.OfferRecovery.Describe(Action)
        + (Amount is { } a && Currency is { } c ? " of " + new Domain.Common.Money(a, c).Format(culture) : "")
        + (ExtendTo is { } until ? " to " + Domain.Common.Readable.Day(until) : "");

    public static DecisionView From(Decision decision, string staffName, long? limit)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionView(decision.Id, decision.SiteId, decision.StaffId, staffName, decision.Action, decision.Amount, decision.Currency, decision.CustomerId,
            decision.SubjectType, decision.SubjectId, decision.Reason, decision.Status, decision.DecidedBy, decision.DecidedAt, decision.Outcome, decision.OutcomeNote,
            decision.CreatedAt, limit) { AnswerNote = decision.AnswerNote, Why = decision.Why, ExtendTo = decision.ExtendTo };
    }
}

/// <summary>The kinds of reason in words staff read.</summary>
public static class DecisionReasons
{
    public static string Describe(DecisionReason why) => why switch
    {
        DecisionReason.OurMistake => "We got it wrong",
        DecisionReason.Delay => "The customer waited",
        DecisionReason.CompetitorMatch => "To match a competitor",
        DecisionReason.Loyalty => "A loyal customer",
        DecisionReason.Hardship => "Their circumstances",
        _ => "Another reason",
    };
}
