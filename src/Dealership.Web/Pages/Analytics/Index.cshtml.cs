using Dealership.Application.Analytics;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Analytics;

/// <summary>The managers' landing page: where customers wait in silence or chase, how long each stage takes, which promises and decisions hold.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Site { get; set; }

    public JourneyAnalytics? Figures { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = "Some of the filters could not be read (dates are year-month-day); showing the last 90 days at all your sites.";
            From = To = null;
            Site = null;
        }

        try
        {
            Figures = await mediator.Send(new GetJourneyAnalytics.Query(From, To, Site), ct);
        }
        catch (Application.Common.NotFoundException)
        {
            Error = "That site is not one of yours; showing all your sites.";
            Site = null;
            Figures = await mediator.Send(new GetJourneyAnalytics.Query(From, To, null), ct);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            Error = string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct()) + " Showing the last 90 days instead.";
            Figures = await mediator.Send(new GetJourneyAnalytics.Query(null, null, Site), ct);
        }

        From = Figures.From;
        To = Figures.To;
    }
}
