using Microsoft.AspNetCore.Identity;

namespace Dealership.Application.Data;

/// <summary>A staff account (ASP.NET Core Identity user) with the sites the person works at.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The site a request uses when the caller has not picked one.</summary>
    public Guid PrimarySiteId { get; set; }

    /// <summary>False once a manager deactivates the account: it cannot sign in and its sessions have ended. History keeps the name.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>A manager set a temporary password: the person chooses their own at the next sign-in before doing anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Text me (at <c>PhoneNumber</c>) when someone asks for my approval: opted into by the person, never assumed.</summary>
    public bool TextApprovals { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Application-managed concurrency token, like every aggregate's Version.</summary>
    public long Version { get; set; }

    public List<StaffSiteAssignment> Sites { get; set; } = [];
}

/// <summary>One site a staff member works at. A person may work at several rooftops.</summary>
public sealed class StaffSiteAssignment
{
    public Guid StaffUserId { get; set; }

    public Guid SiteId { get; set; }
}

/// <summary>Role names as stored in Identity; PRODUCT.md's table says what each may do.</summary>
public static class StaffRoles
{
    public const string Salesperson = nameof(Salesperson);
    public const string ServiceAdvisor = nameof(ServiceAdvisor);
    public const string UsedCarManager = nameof(UsedCarManager);
    public const string PartsClerk = nameof(PartsClerk);
    public const string Manager = nameof(Manager);

    /// <summary>Works on the cars: the workshop board, inspections, progress; nothing else.</summary>
    public const string Technician = nameof(Technician);

    public static readonly IReadOnlyList<string> All = [Salesperson, ServiceAdvisor, UsedCarManager, PartsClerk, Technician, Manager];
}
