using Dealership.Application.Sites;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Manage;

/// <summary>One person's account: roles and sites, a temporary password, deactivation.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class StaffMemberModel(IMediator mediator, CurrentStaff me, FormSubmissions submissions) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public StaffView Member { get; private set; } = null!;

    public IReadOnlyList<ListMySites.SiteView> Sites { get; private set; } = [];

    public bool IsMe => me.StaffId == Id;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (Dealership.Application.Common.NotFoundException)
        {
            // Someone who works only at sites you do not manage is not yours to see, as with any other record.
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostSaveAsync(string? displayName, List<string>? roles, List<Guid>? siteIds, Guid? primarySiteId, long version, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new UpdateStaffMember.Command(Id, displayName ?? "", roles ?? [], siteIds ?? [], primarySiteId, version), ct).AsTask(),
            "Saved. If you took a role away, they were signed out and sign in again with what they have now.", $"/manage/staff/{Id}", ct);

    public Task<IActionResult> OnPostResetAsync(string? temporaryPassword, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new ResetStaffPassword.Command(Id, temporaryPassword ?? ""), ct).AsTask(),
            "Temporary password set and their sessions ended. Tell them the password in person; they choose their own when they sign in.", $"/manage/staff/{Id}", ct);

    public Task<IActionResult> OnPostDeactivateAsync(long version, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new DeactivateStaffMember.Command(Id, version), ct).AsTask(),
            "Deactivated: they are signed out everywhere and cannot sign in. Their work stays under their name.", $"/manage/staff/{Id}", ct);

    public Task<IActionResult> OnPostReactivateAsync(long version, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new ReactivateStaffMember.Command(Id, version), ct).AsTask(),
            "Active again: they can sign in with their password (reset it if they have forgotten it).", $"/manage/staff/{Id}", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Member = await mediator.Send(new GetStaffMember.Query(Id), ct);
        Sites = await mediator.Send(new ListMySites.Query(), ct);
    }
}
