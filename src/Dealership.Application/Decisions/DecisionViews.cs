using Dealership.Domain.Decisions;

namespace Dealership.Application.Decisions;

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

    public static DecisionView From(Decision decision, string staffName, long? limit)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionView(decision.Id, decision.SiteId, decision.StaffId, staffName, decision.Action, decision.Amount, decision.Currency, decision.CustomerId,
            decision.SubjectType, decision.SubjectId, decision.Reason, decision.Status, decision.DecidedBy, decision.DecidedAt, decision.Outcome, decision.OutcomeNote,
            decision.CreatedAt, limit) { AnswerNote = decision.AnswerNote, Why = decision.Why };
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
