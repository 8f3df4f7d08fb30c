using Dealership.Domain.Common;

namespace Dealership.Domain.Promises;

/// <summary>
/// Something we told a customer we would do by a time: "arrives in week 6", "I'll call you back by 5pm",
/// "payoff sent by Friday". Each has an owner and a due time and ends kept, broken, withdrawn (with a reason)
/// or renegotiated (changed, with the customer told, before it fell due: not a broken promise).
/// Milestone promises are opened, kept and broken by the order itself; others by the person who made them.
/// </summary>
public sealed class CustomerPromise : AggregateRoot
{
    private CustomerPromise() { }

    public CustomerPromise(Guid siteId, Guid customerId, Guid ownerStaffId, string description, DateTime dueAt, PromiseKind kind,
        string? subjectType, Guid? subjectId, string? milestone, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new DomainRuleException("Say what was promised.", "description-required");
        }

        SiteId = siteId;
        CustomerId = customerId;
        OwnerStaffId = ownerStaffId;
        Description = description.Trim();
        DueAt = dueAt;
        Kind = kind;
        SubjectType = subjectType;
        SubjectId = subjectId;
        Milestone = milestone;
        CreatedAt = now;
        State = PromiseState.Open;
    }

    public Guid SiteId { get; private set; }

    public Guid CustomerId { get; private set; }

    public Guid OwnerStaffId { get; private set; }

    public string Description { get; private set; } = "";

    public DateTime DueAt { get; private set; }

    public PromiseKind Kind { get; private set; }

    public string? SubjectType { get; private set; }

    public Guid? SubjectId { get; private set; }

    /// <summary>For milestone promises, which milestone (camelCase name).</summary>
    public string? Milestone { get; private set; }

    public PromiseState State { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public string? ResolutionNote { get; private set; }

    public void Keep(DateTime at, DateTime now)
    {
        EnsureOpen();
        State = at <= DueAt ? PromiseState.Kept : PromiseState.Broken;
        ResolvedAt = now;
        ResolutionNote = State == PromiseState.Broken ? "Done after it was due" : null;
        RecordChange();
    }

    public void Withdraw(string reason, DateTime now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason for withdrawing the promise.", "reason-required");
        }

        State = PromiseState.Withdrawn;
        ResolvedAt = now;
        ResolutionNote = reason.Trim();
        RecordChange();
    }

    /// <summary>The date moved: before it fell due (the customer was told with the change) it is renegotiated; after, it was broken.</summary>
    public void Renegotiate(string reason, DateTime now)
    {
        EnsureOpen();
        State = now <= DueAt ? PromiseState.Renegotiated : PromiseState.Broken;
        ResolvedAt = now;
        ResolutionNote = reason;
        RecordChange();
    }

    /// <summary>Due and not kept: broken. Called by the watchdog.</summary>
    public void MarkBroken(DateTime now)
    {
        EnsureOpen();
        State = PromiseState.Broken;
        ResolvedAt = now;
        ResolutionNote = "Not kept by the time it was due";
        RecordChange();
    }

    private void EnsureOpen()
    {
        if (State != PromiseState.Open)
        {
            throw new DomainRuleException($"This promise is already {State.ToString().ToLowerInvariant()}.", "promise-closed");
        }
    }
}

public enum PromiseKind
{
    Manual,
    Milestone,
}

public enum PromiseState
{
    Open,
    Kept,
    Broken,
    Withdrawn,
    Renegotiated,
}
