using Dealership.Application.Data;

namespace Dealership.Application.Decisions;

/// <summary>
/// How much each front-line role may give away on their own authority (minor units of the site currency).
/// Configuration for now (Decisions:Limits); the empowerment issue moves it into policies managers edit.
/// Managers have no limit.
/// </summary>
public sealed class DecisionLimits
{
    public long ServiceAdvisor { get; set; } = 10_000;

    public long Salesperson { get; set; } = 25_000;

    public long UsedCarManager { get; set; } = 25_000;

    /// <summary>The largest amount the person may grant alone, given their roles; null means no limit.</summary>
    public long? For(Func<string, bool> isInRole)
    {
        ArgumentNullException.ThrowIfNull(isInRole);
        if (isInRole(StaffRoles.Manager))
        {
            return null;
        }

        var limits = new List<long>();
        if (isInRole(StaffRoles.ServiceAdvisor))
        {
            limits.Add(ServiceAdvisor);
        }

        if (isInRole(StaffRoles.Salesperson))
        {
            limits.Add(Salesperson);
        }

        if (isInRole(StaffRoles.UsedCarManager))
        {
            limits.Add(UsedCarManager);
        }

        return limits.Count == 0 ? 0 : limits.Max();
    }
}
