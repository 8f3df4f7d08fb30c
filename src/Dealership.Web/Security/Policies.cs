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

    /// <summary>Approvals, policies, dead notifications, staff accounts, job dashboard.</summary>
    public const string ManagersOnly = nameof(ManagersOnly);

    public static AuthorizationBuilder AddDealershipPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(Staff, p => p.RequireAuthenticatedUser());
        builder.AddPolicy(EditCustomers, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager));
        builder.AddPolicy(ManagersOnly, p => p.RequireRole(StaffRoles.Manager));
        builder.AddPolicy(ReadOrders, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.ServiceAdvisor, StaffRoles.UsedCarManager, StaffRoles.Manager));
        builder.AddPolicy(WriteOrders, p => p.RequireRole(StaffRoles.Salesperson, StaffRoles.Manager));
        builder.SetFallbackPolicy(null);
        return builder;
    }
}
