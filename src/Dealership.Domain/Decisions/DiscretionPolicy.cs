using Dealership.Domain.Common;

namespace Dealership.Domain.Decisions;

/// <summary>
/// How far one role may go on its own at one site for one kind of decision: not at all (always ask), up to an
/// amount, or freely (for yes/no acts such as a loaner). Managers edit it; every change is kept with who, when
/// and why, so a limit is never silently different from last month's.
/// </summary>
public sealed class DiscretionPolicy : AggregateRoot, ISiteScoped
{
    private readonly List<PolicyChange> _history = [];

    private DiscretionPolicy() { }

    /// <param name="startingLimit">What applied before anyone set it (the configured default), so the first change's history says what it changed from.</param>
    public DiscretionPolicy(Guid siteId, string role, DecisionAction action, long? startingLimit)
    {
        Limit = startingLimit;
        SiteId = siteId;
        Role = string.IsNullOrWhiteSpace(role) ? throw new DomainRuleException("Name the role.", "role-required") : role;
        Action = action;
        Allowed = true;
    }

    public Guid SiteId { get; private set; }

    public string Role { get; private set; } = "";

    public DecisionAction Action { get; private set; }

    /// <summary>False: the role always asks for approval.</summary>
    public bool Allowed { get; private set; }

    /// <summary>Minor units the role may grant alone; null when the act has no amount or no cap.</summary>
    public long? Limit { get; private set; }

    public IReadOnlyList<PolicyChange> History => _history;

    /// <summary>The most the role may grant alone: 0 when not allowed, null when not capped.</summary>
    public long? EffectiveLimit => Allowed ? Limit : 0;

    public void Change(bool allowed, long? limit, string reason, Guid by, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the limit changes: it is kept with the policy's history.", "reason-required");
        }

        if (limit is < 0)
        {
            throw new DomainRuleException("A limit cannot be negative.", "limit-negative");
        }

        _history.Add(new PolicyChange(Allowed, Limit, allowed, allowed ? limit : null, reason.Trim(), by, now));
        Allowed = allowed;
        Limit = allowed ? limit : null;
        RecordChange();
    }
}

/// <summary>One change to a policy: from what to what, by whom, when and why.</summary>
public sealed class PolicyChange
{
    private PolicyChange() { }

    internal PolicyChange(bool wasAllowed, long? wasLimit, bool allowed, long? limit, string reason, Guid by, DateTime at)
    {
        WasAllowed = wasAllowed;
        WasLimit = wasLimit;
        Allowed = allowed;
        Limit = limit;
        Reason = reason;
        ChangedBy = by;
        ChangedAt = at;
    }

    public int Id { get; private set; }

    public bool WasAllowed { get; private set; }

    public long? WasLimit { get; private set; }

    public bool Allowed { get; private set; }

    public long? Limit { get; private set; }

    public string Reason { get; private set; } = "";

    public Guid ChangedBy { get; private set; }

    public DateTime ChangedAt { get; private set; }
}
