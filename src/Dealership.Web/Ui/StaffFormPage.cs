using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Ui;

/// <summary>
/// The shape every staff page with forms shares: each form carries a submission key so a double click or a
/// browser retry runs its command once; success redirects with a flash; a failure a person can fix
/// (<see cref="FormOutcome"/>) shows its sentences on the reloaded page; anything else goes to the error page.
/// </summary>
public abstract class StaffFormPage(FormSubmissions submissions) : PageModel
{
    [TempData]
    public string? Flash { get; set; }

    /// <summary>"warn" when the flash is not a success (a request waiting for approval); pages colour the banner by it.</summary>
    [TempData]
    public string? FlashTone { get; set; }

    public List<string> Errors { get; } = [];

    /// <summary>The business rule's code when a submission was refused (DomainRuleException.Code), so a page can offer the way forward.</summary>
    public string? FailureCode { get; private set; }

    [BindProperty(Name = FormSubmissions.FieldName)]
    public string? SubmissionKey { get; set; }

    /// <summary>
    /// What the person typed in <paramref name="field"/> of the form just refused (the <paramref name="index"/>th
    /// of repeated fields), so the page shows it again instead of making them retype; null on a plain visit.
    /// A successful submission redirects, so any POST that renders the page is a refusal.
    /// </summary>
    public string? TypedAgain(string field, int index = 0) =>
        HttpMethods.IsPost(Request.Method) && Request.HasFormContentType && Request.Form.TryGetValue(field, out var values) && index < values.Count
            ? values[index]
            : null;

    /// <summary>A flash that is not a success: shown amber, never green.</summary>
    protected string NotYet(string text)
    {
        FlashTone = "warn";
        return text;
    }

    /// <summary>A fresh key for each form rendered.</summary>
    public static string NewSubmissionKey() => Guid.NewGuid().ToString();

    /// <summary>Loads what the page shows (after a failed submission too).</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>Runs the command once per submission; the flash and target are read after it ran, so they may use its result.</summary>
    protected async Task<IActionResult> SubmitAsync(Func<Task> command, Func<string?> flash, Func<string> target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(flash);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            var location = await submissions.RunOnceAsync(SubmissionKey, async () =>
            {
                await command();
                Flash = flash();
                return target();
            });
            return LocalRedirect(location);
        }
        catch (Exception ex) when (FormOutcome.Messages(ex) is { } messages)
        {
            Errors.AddRange(messages);
            FailureCode = (ex as Domain.Common.DomainRuleException)?.Code;
            return await ShowAsync(ct);
        }
    }

    protected Task<IActionResult> SubmitAsync(Func<Task> command, string? flash, string target, CancellationToken ct) =>
        SubmitAsync(command, () => flash, () => target, ct);

    /// <summary>Shows the page again with what the person has to fix.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken ct, string? error = null)
    {
        if (error is not null)
        {
            Errors.Add(error);
        }

        await LoadAsync(ct);
        return Page();
    }
}
