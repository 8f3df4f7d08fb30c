using System.Collections.Concurrent;
using System.Reflection;
using Dealership.Application.Data;
using Mediator;

namespace Dealership.Application.Common;

/// <summary>
/// What an act needs, one value per row of the product's "who may do what" table. Every command and query
/// declares one with <see cref="AllowedAttribute"/>; the pipeline (<see cref="AuthorizationBehaviour{TMessage,TResponse}"/>)
/// checks it whichever door the message came through (API route, page form, tracking page, job), and the web
/// host builds its route policies from the same table, so a page a role may read never lets it write.
/// </summary>
public enum Access
{
    /// <summary>Any signed-in staff member (everyone may read customers, their tasks, their sites).</summary>
    AnyStaff,

    /// <summary>Create and edit customers and vehicles, message them: not parts clerks.</summary>
    EditCustomers,

    /// <summary>Read vehicle orders and the deliveries board: every role but parts.</summary>
    ReadOrders,

    /// <summary>Place and progress vehicle orders: salespeople (their own, checked per order) and managers.</summary>
    WriteOrders,

    /// <summary>Read appointments, the lane and availability: service advisors and parts clerks.</summary>
    ReadService,

    /// <summary>Book, move, cancel and check in visits, offer recovery: service advisors.</summary>
    WriteService,

    /// <summary>The workshop board, inspections with photos, starting work and marking it ready: technicians, service advisors.</summary>
    Workshop,

    /// <summary>Read parts, suppliers, parts orders and shortages: parts clerks and service advisors.</summary>
    ReadParts,

    /// <summary>Stock, suppliers, parts orders and receipts: parts clerks.</summary>
    WriteParts,

    /// <summary>Read trade-ins and their offers: salespeople (their deals) and used-car managers.</summary>
    ReadTradeIns,

    /// <summary>Ask for a trade-in's appraisal and record the customer's answer: salespeople and used-car managers.</summary>
    RequestTradeIns,

    /// <summary>Appraise and price trade-ins, buy them outright, pay off their loans, resell them: used-car managers.</summary>
    ManageTradeIns,

    /// <summary>Read decisions: the roles that make them.</summary>
    ReadDecisions,

    /// <summary>Approvals, policies, the catalogue, dead notifications, staff accounts, jobs: managers.</summary>
    ManageSite,

    /// <summary>The customer, through their tracking link: the handler checks the token, so no staff role is needed.</summary>
    CustomerLink,

    /// <summary>The host itself: recurring jobs, start-up, and webhooks after their signature was checked.</summary>
    System,
}

/// <summary>Declares the permission a command or query needs; a message without one is refused (and fails an architecture test).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedAttribute(Access permission) : Attribute
{
    public Access Permission { get; } = permission;
}

/// <summary>The one table of which roles hold which permission. Managers hold every staff permission (at their sites).</summary>
public static class AccessRules
{
    private static readonly Dictionary<Access, string[]> Roles = new()
    {
        [Access.AnyStaff] = [.. StaffRoles.All],
        [Access.EditCustomers] = [StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.ReadOrders] = [StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.WriteOrders] = [StaffRoles.Salesperson, StaffRoles.Manager],
        [Access.ReadService] = [StaffRoles.ServiceAdvisor, StaffRoles.PartsClerk, StaffRoles.Manager],
        [Access.WriteService] = [StaffRoles.ServiceAdvisor, StaffRoles.Manager],
        [Access.Workshop] = [StaffRoles.Technician, StaffRoles.ServiceAdvisor, StaffRoles.Manager],
        [Access.ReadParts] = [StaffRoles.PartsClerk, StaffRoles.ServiceAdvisor, StaffRoles.Manager],
        [Access.WriteParts] = [StaffRoles.PartsClerk, StaffRoles.Manager],
        [Access.ReadTradeIns] = [StaffRoles.Salesperson, StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.RequestTradeIns] = [StaffRoles.Salesperson, StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.ManageTradeIns] = [StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.ReadDecisions] = [StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager],
        [Access.ManageSite] = [StaffRoles.Manager],
    };

    private static readonly ConcurrentDictionary<Type, Access?> Declared = new();

    /// <summary>The staff roles that hold a staff permission (empty for <see cref="Access.CustomerLink"/> and <see cref="Access.System"/>).</summary>
    public static IReadOnlyList<string> RolesFor(Access permission) => Roles.TryGetValue(permission, out var roles) ? roles : [];

    /// <summary>Whether the caller may do what <paramref name="permission"/> covers. The host (jobs, start-up) may do any staff act.</summary>
    public static bool Allows(ICurrentStaff caller, Access permission)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return permission switch
        {
            Access.CustomerLink => true,
            Access.System => caller.IsSystem,
            _ => caller.IsSystem || (caller.StaffId is not null && RolesFor(permission).Any(caller.IsInRole)),
        };
    }

    /// <summary>The permission a message type declares, or null when it declares none.</summary>
    public static Access? DeclaredBy(Type messageType) =>
        Declared.GetOrAdd(messageType, type => type.GetCustomAttribute<AllowedAttribute>()?.Permission);

    /// <summary>The sentence a refused person reads, on a page or in a problem response.</summary>
    public static string Refusal(Access permission) => permission switch
    {
        Access.System => "This is done by the system itself, not by a person.",
        Access.ManageSite => "Only a manager can do this.",
        _ => $"Your role does not allow this ({Describe(permission)}). Ask a manager if you need it done.",
    };

    private static string Describe(Access permission) => permission switch
    {
        Access.EditCustomers => "editing customers and messaging them",
        Access.ReadOrders => "reading vehicle orders",
        Access.WriteOrders => "changing vehicle orders",
        Access.ReadService => "reading service visits",
        Access.WriteService => "booking and changing service visits",
        Access.Workshop => "workshop work: the board, inspections and progress",
        Access.ReadParts => "reading parts",
        Access.WriteParts => "changing parts, suppliers and parts orders",
        Access.ReadDecisions => "reading decisions",
        Access.ReadTradeIns => "reading trade-ins",
        Access.RequestTradeIns => "requesting trade-in appraisals",
        Access.ManageTradeIns => "appraising, buying and paying off trade-ins",
        _ => "staff access",
    };
}

/// <summary>
/// Checks the permission the message declares before anything else runs, so the API, a page's form, the
/// tracking page and a job are held to the same rule. A message that declares none is refused: forgetting
/// to say who may do a thing must never mean everyone may.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentStaff caller) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var permission = AccessRules.DeclaredBy(typeof(TMessage))
            ?? throw new InvalidOperationException($"{typeof(TMessage).FullName} does not declare who may send it; add [Allowed(Access.…)].");
        if (!AccessRules.Allows(caller, permission))
        {
            throw new ForbiddenException(caller.StaffId is null && permission != Access.System
                ? "This action needs a signed-in staff member."
                : AccessRules.Refusal(permission));
        }

        return next(message, cancellationToken);
    }
}
