using Dealership.Application.Common;
using Microsoft.AspNetCore.Authorization;

namespace Dealership.Web.Security;

/// <summary>
/// Route authorization policies. The roles behind each come from <see cref="AccessRules"/>, the table the
/// mediator pipeline also checks for every command, so a route and a page form are held to one rule.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in staff member (everyone may read customers).</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Create and edit customers and vehicles: not parts clerks.</summary>
    public const string EditCustomers = nameof(EditCustomers);

    /// <summary>Read vehicle orders and the deliveries board: every role but parts.</summary>
    public const string ReadOrders = nameof(ReadOrders);

    /// <summary>Place and progress vehicle orders: salespeople (their own orders, checked per order) and managers.</summary>
    public const string WriteOrders = nameof(WriteOrders);

    /// <summary>Read appointments, the lane and availability: service advisors and parts clerks.</summary>
    public const string ReadService = nameof(ReadService);

    /// <summary>Book, move, cancel and check in appointments, and offer recovery: service advisors.</summary>
    public const string WriteService = nameof(WriteService);

    /// <summary>Read parts, suppliers, parts orders and shortages: parts clerks and service advisors.</summary>
    public const string ReadParts = nameof(ReadParts);

    /// <summary>Stock, suppliers, parts orders and receipts: parts clerks.</summary>
    public const string WriteParts = nameof(WriteParts);

    /// <summary>Read decisions: the roles that make them.</summary>
    public const string ReadDecisions = nameof(ReadDecisions);

    /// <summary>Read trade-ins: salespeople and used-car managers.</summary>
    public const string ReadTradeIns = nameof(ReadTradeIns);

    /// <summary>Request appraisals and record the customer's answer: salespeople and used-car managers.</summary>
    public const string RequestTradeIns = nameof(RequestTradeIns);

    /// <summary>Appraise, buy outright, pay off and resell trade-ins: used-car managers.</summary>
    public const string ManageTradeIns = nameof(ManageTradeIns);

    /// <summary>The workshop board, inspections and progress: technicians and service advisors.</summary>
    public const string Workshop = nameof(Workshop);

    /// <summary>Approvals, policies, dead notifications, staff accounts, job dashboard.</summary>
    public const string ManagersOnly = nameof(ManagersOnly);

    /// <summary>The route policies, each the same role list as the permission the pipeline checks (one table, <see cref="AccessRules"/>).</summary>
    public static AuthorizationBuilder AddDealershipPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(Staff, p => p.RequireAuthenticatedUser());
        builder.AddPolicy(EditCustomers, p => p.RequireRole(AccessRules.RolesFor(Access.EditCustomers)));
        builder.AddPolicy(ManagersOnly, p => p.RequireRole(AccessRules.RolesFor(Access.ManageSite)));
        builder.AddPolicy(ReadOrders, p => p.RequireRole(AccessRules.RolesFor(Access.ReadOrders)));
        builder.AddPolicy(WriteOrders, p => p.RequireRole(AccessRules.RolesFor(Access.WriteOrders)));
        builder.AddPolicy(ReadService, p => p.RequireRole(AccessRules.RolesFor(Access.ReadService)));
        builder.AddPolicy(WriteService, p => p.RequireRole(AccessRules.RolesFor(Access.WriteService)));
        builder.AddPolicy(Workshop, p => p.RequireRole(AccessRules.RolesFor(Access.Workshop)));
        builder.AddPolicy(ReadParts, p => p.RequireRole(AccessRules.RolesFor(Access.ReadParts)));
        builder.AddPolicy(WriteParts, p => p.RequireRole(AccessRules.RolesFor(Access.WriteParts)));
        builder.AddPolicy(ReadDecisions, p => p.RequireRole(AccessRules.RolesFor(Access.ReadDecisions)));
        builder.AddPolicy(ReadTradeIns, p => p.RequireRole(AccessRules.RolesFor(Access.ReadTradeIns)));
        builder.AddPolicy(RequestTradeIns, p => p.RequireRole(AccessRules.RolesFor(Access.RequestTradeIns)));
        builder.AddPolicy(ManageTradeIns, p => p.RequireRole(AccessRules.RolesFor(Access.ManageTradeIns)));
        builder.SetFallbackPolicy(null);
        return builder;
    }
}
