using Dealership.Application.Common;
using Dealership.Application.Sites;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Manage;

/// <summary>Staff at the current site, and adding a person with their roles and sites.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class StaffModel(IMediator mediator, FormSubmissions submissions) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<StaffView> Staff { get; private set; } = new([], 1, 50, 0);

    public IReadOnlyList<ListMySites.SiteView> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? email, string? displayName, string? password, List<string>? roles, List<Guid>? siteIds, Guid? primarySiteId,
        CancellationToken ct)
    {
        StaffView? added = null;
        return await SubmitAsync(
            async () => added = await mediator.Send(new CreateStaffMember.Command(email ?? "", displayName ?? "", password ?? "", roles ?? [], siteIds ?? [], primarySiteId), ct),
            () => $"{added!.DisplayName} can sign in now with the password you chose. Ask them to change it at once (their name in the top bar, then Your password).",
            () => $"/manage/staff/{added!.Id}", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Staff = await mediator.Send(new ListStaff.Query(Math.Max(1, PageNumber)), ct);
        Sites = await mediator.Send(new ListMySites.Query(), ct);
    }
}
