using Dealership.Application.Workshop;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Workshop;

/// <summary>The workshop board: every car in the workshop at this site, soonest promise first, ready cars last.</summary>
[Authorize(Policy = Policies.Workshop)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public GetWorkshopBoard.Board Board { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Board = await mediator.Send(new GetWorkshopBoard.Query(Math.Max(1, PageNumber), PageSize), ct);
}
