using Dealership.Domain.Common;

namespace Dealership.Domain.Parts;

/// <summary>
/// A parts supplier of the group. Orders are emailed to its order address. Its one approval rule holds on
/// every path: for an auto-send supplier the planner sends every draft as soon as it exists (including
/// drafts left over from before the switch); for the others every draft waits for the parts clerk.
/// </summary>
public sealed class Supplier : AggregateRoot
{
    private Supplier() { }

    public Supplier(string name, string orderEmail, bool autoSend)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new DomainRuleException("A supplier needs a name.", "name-required") : name.Trim();
        OrderEmail = orderEmail.Trim().ToLowerInvariant();
        AutoSend = autoSend;
    }

    public string Name { get; private set; } = "";

    public string OrderEmail { get; private set; } = "";

    /// <summary>True when the job may send orders without a clerk approving the draft.</summary>
    public bool AutoSend { get; private set; }

    /// <summary>Changes where orders go and whether they need approval; switching to auto-send releases waiting drafts.</summary>
    public void ChangeTerms(string orderEmail, bool autoSend, DateTime now)
    {
        OrderEmail = orderEmail.Trim().ToLowerInvariant();
        var released = autoSend && !AutoSend;
        AutoSend = autoSend;
        RecordChange();
        if (released)
        {
            Raise(new SupplierNowAutoSends(this, now));
        }
    }
}

/// <summary>The supplier no longer needs approval: its waiting drafts go out on the planner's next run, at once.</summary>
public sealed record SupplierNowAutoSends(Supplier Supplier, DateTime OccurredAt) : IDomainEvent;
