using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages;

/// <summary>Friendly pages for 404 and other status codes in the staff UI (API routes answer with problem JSON instead).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("We could not find that page.", "The link may be out of date, or the record is not one you can see. Search for the customer instead."),
            403 => ("This page is not available for your role.", "If you need it for your work, ask a manager to change your access."),
            429 => ("Too many attempts.", "Wait a minute and try again."),
            _ => ("Something went wrong.", "Go back and try again."),
        };
    }
}
