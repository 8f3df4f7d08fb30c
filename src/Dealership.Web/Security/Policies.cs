using Dealership.Application.Data;
using Microsoft.AspNetCore.Authorization;

namespace Dealership.Web.Security;

/// <summary>
/// Authorization policies, one per row of PRODUCT.md's "who may do what" table. Managers may do everything
/// at their sites, so every policy includes them. Later capabilities add their rows here.
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

    /// <summary>Approvals, policies, dead notifications, staff accounts, job dashboard.</summary>
    public const string ManagersOnly = nameof(ManagersOnly);

    public static AuthorizationBuilder AddDealershipPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(Staff, p => p.RequireAuthenticatedUser());
        builder.AddPolicy(EditCustomers, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager));
        builder.AddPolicy(ManagersOnly, p => p.RequireRole(StaffRoles.Manager));
        builder.AddPolicy(ReadOrders, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager));
        builder.AddPolicy(WriteOrders, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.Manager));
        builder.AddPolicy(ReadService, p => p.RequireRole(StaffRoles.ServiceAdvisor, StaffRoles.PartsClerk, StaffRoles.Manager));
        builder.AddPolicy(WriteService, p => p.RequireRole(StaffRoles.ServiceAdvisor, StaffRoles.Manager));
        builder.AddPolicy(ReadParts, p => p.RequireRole(StaffRoles.PartsClerk, StaffRoles.ServiceAdvisor, StaffRoles.Manager));
        builder.AddPolicy(WriteParts, p => p.RequireRole(StaffRoles.PartsClerk, StaffRoles.Manager));
        builder.AddPolicy(ReadDecisions, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager));
        builder.SetFallbackPolicy(null);
        return builder;
    }
}
