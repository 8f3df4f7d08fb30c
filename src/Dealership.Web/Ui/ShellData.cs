using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Application.Tasks;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Ui;

/// <summary>What the page frame shows: who is signed in, their role, and the sites for the switcher.</summary>
public sealed class ShellData(IMediator mediator, CurrentStaff staff)
{
    public sealed record SiteOption(Guid Id, string Code, string Name, string TimeZoneId);

    private IReadOnlyList<SiteOption>? _sites;

    private int? _openTasks;

    public CurrentStaff Staff => staff;

    /// <summary>Open tasks in the signed-in person's inbox, for the badge in the navigation (one COUNT query).</summary>
    public async Task<int> OpenTaskCountAsync()
    {
        if (_openTasks is null)
        {
            _openTasks = staff.StaffId is null ? 0 : await mediator.Send(new CountMyOpenTasks.Query());
        }

        return _openTasks.Value;
    }

    public async Task<IReadOnlyList<SiteOption>> SitesAsync()
    {
        if (_sites is null)
        {
            _sites = staff.StaffId is null ? [] : (await mediator.Send(new ListMySites.Query()))
                .OrderBy(s => s.Name).Select(s => new SiteOption(s.Id, s.Code, s.Name, s.TimeZoneId)).ToList();
        }

        return _sites;
    }

    public async Task<SiteOption?> CurrentSiteAsync() => (await SitesAsync()).FirstOrDefault(s => s.Id == staff.SiteId);

    /// <summary>Shows a UTC instant in the current site's time zone, the way staff at the desk read it.</summary>
    public async Task<string> LocalTimeAsync(DateTime? utc, string format = "MMM d, yyyy h:mm tt")
    {
        if (utc is null)
        {
            return "—";
        }

        var site = await CurrentSiteAsync();
        var zone = site is null ? TimeZoneInfo.Utc : Dealership.Domain.Common.TimeZones.Find(site.TimeZoneId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc), zone);
        return local.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("en-US"));
    }

    public string RoleLabel()
    {
        foreach (var (role, label) in RoleLabels)
        {
            if (staff.IsInRole(role))
            {
                return label;
            }
        }

        return "Staff";
    }

    /// <summary>A role as people say it ("Service advisor"), not as it is stored ("ServiceAdvisor").</summary>
    public static string LabelFor(string role) => RoleLabels.FirstOrDefault(r => r.Role == role).Label ?? role;

    private static readonly (string Role, string Label)[] RoleLabels =
    [
        (StaffRoles.Manager, "Manager"),
        (StaffRoles.Salesperson, "Salesperson"),
        (StaffRoles.ServiceAdvisor, "Service advisor"),
        (StaffRoles.UsedCarManager, "Used-car manager"),
        (StaffRoles.PartsClerk, "Parts clerk"),
        (StaffRoles.Technician, "Technician"),
    ];
}
