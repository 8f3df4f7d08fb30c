using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Application.Journey;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Customers;

/// <summary>
/// One customer's journey drawn as a timeline: the dealer on one side, the customer on the other, and every
/// stretch in which they heard nothing from us for longer than the stage allows marked where it happened.
/// </summary>
public sealed class JourneyModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CustomerView Customer { get; private set; } = null!;

    public PagedList<GetJourney.TouchpointView> Touchpoints { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<GetJourneySilences.SilenceView> Silences { get; private set; } = [];

    public DateTime? NewerThanThisPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Customer = await mediator.Send(new GetCustomer.Query(Id), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        PageNumber = Math.Max(1, PageNumber);
        Touchpoints = await mediator.Send(new GetJourney.Query(Id, PageNumber, PageSize), ct);
        // The previous page's oldest touchpoint: a silence ended by it is drawn at the top of this page.
        NewerThanThisPage = PageNumber == 1 ? null
            : await mediator.Send(new GetJourney.Query(Id, (PageNumber - 1) * PageSize, 1), ct) is { Items.Count: > 0 } previous ? previous.Items[0].OccurredAt : null;
        Silences = await mediator.Send(new GetJourneySilences.Query(Id), ct);
        return Page();
    }
}
