using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Notifications;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Templates;

/// <summary>
/// A manager changes one message's words for their site: edit the Liquid text, preview it with sample facts
/// (and its SMS cost), save it as the next version, or go back to an earlier one or the product's default.
/// </summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class EditModel(IMediator mediator, FormSubmissions submissions) : StaffFormPage(submissions)
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public MessageChannel Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Language { get; set; } = "en";

    public TemplateDetail Template { get; private set; } = null!;

    /// <summary>What the editor shows: the text in use, or what was typed when it was refused or previewed.</summary>
    public string? DraftSubject { get; private set; }

    public string DraftBody { get; private set; } = "";

    /// <summary>The preview of a draft (not saved), when the manager asked for one.</summary>
    public TemplatePreview? DraftPreview { get; private set; }

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

    public async Task<IActionResult> OnPostPreviewAsync(string? subject, string? body, CancellationToken ct)
    {
        Keep(subject, body);
        DraftPreview = await mediator.Send(new PreviewTemplate.Query(Key, Channel, Language, subject, body ?? ""), ct);
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostSaveAsync(string? subject, string? body, string? note, long version, CancellationToken ct)
    {
        Keep(subject, body);
        return SubmitAsync(() => mediator.Send(new SaveTemplate.Command(Key, Channel, Language, subject, body ?? "", note, version), ct).AsTask(),
            "Saved. Messages sent from now on use this version.", Address, ct);
    }

    public Task<IActionResult> OnPostRevertAsync(int? toVersion, long version, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new RevertTemplate.Command(Key, Channel, Language, toVersion, version), ct).AsTask(),
            toVersion is { } n ? $"Back to version {n}, saved as the newest version." : "Back to the product's default (your versions stay in the history).", Address, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Template = await mediator.Send(new GetTemplate.Query(Key, Channel, Language), ct);
        if (DraftBody.Length == 0)
        {
            (DraftSubject, DraftBody) = (Template.Subject, Template.Body);
        }
    }

    private void Keep(string? subject, string? body) => (DraftSubject, DraftBody) = (subject, body ?? "");

    private string Address => $"/templates/{Key}/{Channel}/{Language}";
}
