using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Application.Workshop;
using Dealership.Domain.Handover;
using Dealership.Domain.Orders;
using Dealership.Domain.Service;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Workshop;

/// <summary>
/// A car in the workshop, for the technician (on a phone) and the advisor: start, the inspection with photos,
/// the extra work and the customer's answers, ready, and — for the advisor — the bill and the collection.
/// Each form sends one command; the command's own permission decides, whoever posts it.
/// </summary>
[Authorize(Policy = Policies.Workshop)]
public sealed class VisitModel(IMediator mediator, Application.Sites.SiteContext siteContext, FormSubmissions submissions) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public WorkshopVisitView Visit { get; private set; } = null!;

    public GetInspectionForm.Form? InspectionForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostStartAsync(long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new StartWork.Command(Id, version), ct).AsTask(), "Work started; the customer has been told.", ct);

    public async Task<IActionResult> OnPostInspectAsync(List<string?> area, List<string?> rating, List<string?> note, List<string?> work, List<string?> wait, long version,
        CancellationToken ct)
    {
        var findings = new List<RecordInspection.Finding>();
        for (var i = 0; i < Math.Min(area.Count, 40); i++)
        {
            var name = area[i]?.Trim();
            var given = i < rating.Count ? rating[i] : null;
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(given))
            {
                continue; // an extra row left empty, or an item not looked at
            }

            if (!Enum.TryParse<InspectionRating>(given, ignoreCase: true, out var parsed))
            {
                return await ShowAsync(ct, $"Rate {name} green, soon or now.");
            }

            findings.Add(new RecordInspection.Finding(name, parsed, At(note, i), parsed == InspectionRating.Green ? null : At(work, i), At(wait, i)));
        }

        if (findings.Count == 0)
        {
            return await ShowAsync(ct, "Rate at least one item before recording the inspection.");
        }

        WorkshopVisitView? recorded = null;
        return await SubmitAsync(async () => recorded = await mediator.Send(new RecordInspection.Command(Id, findings, version), ct),
            () => recorded!.ExtraWork.Count > 0
                ? "Inspection recorded; the customer has been sent what needs their yes or no, with prices and photos."
                : "Inspection recorded; the customer has the report (nothing extra needed).",
            () => $"/workshop/{Id}", ct);
    }

    public async Task<IActionResult> OnPostPhotoAsync(int finding, IFormFile? photo, CancellationToken ct)
    {
        if (photo is null || photo.Length == 0)
        {
            return await ShowAsync(ct, "Choose a photo to upload.");
        }

        if (photo.Length > Application.TradeIns.PhotoRules.MaxBytes)
        {
            return await ShowAsync(ct, "A photo is at most 10 MB; this one is larger.");
        }

        var content = await Api.TradeInsApi.ReadAsync(photo, ct);
        return await RunAsync(() => mediator.Send(new AddInspectionPhoto.Command(Id, finding, content), ct).AsTask(), "Photo added; the customer sees it with the item.", ct);
    }

    public async Task<IActionResult> OnGetPhotoAsync(Guid photoId, CancellationToken ct)
    {
        try
        {
            var file = await mediator.Send(new GetInspectionPhoto.Query(Id, photoId), ct);
            Response.Headers.CacheControl = "private, max-age=3600";
            return File(file.Content, file.ContentType);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostAnswerAsync(Guid workId, bool approved, ChoiceChannel toldUsBy, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new RecordExtraWorkAnswer.Command(Id, workId, approved, toldUsBy, version), ct).AsTask(),
            approved ? "Approval recorded; its parts are reserved or ordered." : "Decline recorded; it is remembered for the next visit.", ct);

    public Task<IActionResult> OnPostStartExtraAsync(Guid workId, long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new StartExtraWork.Command(Id, workId, version), ct).AsTask(), "Started.", ct);

    public async Task<IActionResult> OnPostReadyTimeAsync(DateTime? readyAt, string? reason, long version, CancellationToken ct)
    {
        if (readyAt is null)
        {
            return await ShowAsync(ct, "Enter the new ready time.");
        }

        var site = await siteContext.GetAsync(ct);
        return await RunAsync(() => mediator.Send(new MoveReadyTime.Command(Id, site.ToUtc(readyAt.Value), reason ?? "", version), ct).AsTask(),
            "Ready time moved; the customer has been told why.", ct);
    }

    public Task<IActionResult> OnPostReadyAsync(long version, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new MarkVisitReady.Command(Id, version), ct).AsTask(), "Ready for pickup; the customer has been told, with the bill's total.", ct);

    public async Task<IActionResult> OnPostCollectAsync(PaymentMethod method, string? amount, string? reference, bool pending, string? collectedBy, long version, CancellationToken ct)
    {
        if (FormOutcome.ToMinorUnits(amount) is not { } cents)
        {
            return await ShowAsync(ct, "Enter the amount paid, for example 412.30.");
        }

        var currency = (await mediator.Send(new GetWorkshopVisit.Query(Id), ct)).Bill?.Total.Currency ?? "USD";
        return await RunAsync(() => mediator.Send(new CollectVisit.Command(Id, method, new MoneyView(cents, currency), reference, pending, collectedBy, version), ct).AsTask(),
            "Collected: payment recorded, car and keys released; the customer has their receipt.", ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Visit = await mediator.Send(new GetWorkshopVisit.Query(Id), ct);
        InspectionForm = Visit.Status == AppointmentStatus.InProgress && Visit.InspectedAt is null
            ? await mediator.Send(new GetInspectionForm.Query(Id), ct)
            : null;
    }

    private static string? At(List<string?> values, int i) => i < values.Count && !string.IsNullOrWhiteSpace(values[i]) ? values[i]!.Trim() : null;

    private Task<IActionResult> RunAsync(Func<Task> command, string flash, CancellationToken ct) => SubmitAsync(command, flash, $"/workshop/{Id}", ct);
}
