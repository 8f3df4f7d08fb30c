using Dealership.Application.Service;
using Dealership.Application.Sites;
using Dealership.Domain.Service;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Service;

/// <summary>
/// One visit: what was booked and where its parts stand, what was decided and said, and — when the customer
/// phones — moving it to a free time or cancelling it, each with the reason they are told.
/// </summary>
[Authorize(Policy = Policies.ReadService)]
public sealed class VisitModel(IMediator mediator, SiteContext siteContext, WorkshopCapacity capacity,
    FormSubmissions submissions, TimeProvider clock) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    public AppointmentView Visit { get; private set; } = null!;

    public IReadOnlyList<WorkshopDayAvailability> Days { get; private set; } = [];

    public IReadOnlyList<Application.Decisions.DecisionView> Decisions { get; private set; } = [];

    public IReadOnlyList<Application.Journey.GetJourney.TouchpointView> Timeline { get; private set; } = [];

    public Domain.Sites.Site Site { get; private set; } = null!;

    public bool CanWrite => User.May(Application.Common.Access.WriteService);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (Application.Common.NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(string? slot, string? reason, long version, CancellationToken ct)
    {
        var parts = slot?.Split('|', 2);
        if (parts is not { Length: 2 } || !Guid.TryParse(parts[0], out var advisor) ||
            !DateTime.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var startsAt))
        {
            return await ShowAsync(ct, "Pick the new drop-off time.");
        }

        return await SubmitAsync(() => mediator.Send(new RescheduleAppointment.Command(Id, startsAt, advisor, reason ?? "", version), ct).AsTask(),
            "Moved. The customer is sent the new time and the reason unless they have turned messages off (in their quiet hours it waits until the morning).", $"/service/visits/{Id}", ct);
    }

    public Task<IActionResult> OnPostCancelAsync(string? reason, long version, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new CancelAppointment.Command(Id, reason ?? "", version), ct).AsTask(),
            "Cancelled. The labour and any reserved parts are free again; the customer has been told.", $"/service/visits/{Id}", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Visit = await mediator.Send(new GetAppointment.Query(Id), ct);
        Site = await siteContext.GetAsync(Visit.SiteId, ct);
        // Parts clerks read visits but not decisions: the same rule as GET /api/decisions.
        Decisions = !User.May(Application.Common.Access.ReadDecisions) ? [] : (await mediator.Send(new Application.Decisions.ListDecisions.Query(Id, null, null, 1, Application.Common.Paging.MaxPageSize), ct)).Items.OrderBy(d => d.CreatedAt).ToList();
        Timeline = (await mediator.Send(new Application.Journey.GetJourney.Query(Visit.CustomerId, 1, 30, SubjectId: Id), ct)).Items;
        if (CanWrite && Visit.Status == AppointmentStatus.Booked)
        {
            var today = DateOnly.FromDateTime(Site.ToLocal(clock.GetUtcNow().UtcDateTime));
            var from = From ?? (Visit.PartsExpectedBy is { } eta && eta >= today ? new Domain.Parts.WorkingDays(Site.OpenDays).Add(eta, 1) : today.AddDays(1));
            Days = await capacity.AvailabilityAsync(Site, from, from.AddDays(6), Visit.LabourMinutes, null, Visit.Id, ct);
        }
    }
}
