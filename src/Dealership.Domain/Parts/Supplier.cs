using Dealership.Domain.Common;

namespace Dealership.Domain.Parts;

/// <summary>
/// A parts supplier of the group. Orders are emailed to its order address; suppliers marked auto-send get
/// the job's orders at once, others wait in draft for the parts clerk to approve.
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
}
