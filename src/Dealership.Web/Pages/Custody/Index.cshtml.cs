using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Custody;

/// <summary>The custody register for managers: every customer car, key set and title in the dealer's hands, with alerts first.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public bool Released { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<CustodyView> Register { get; private set; } = new([], 1, PageSize, 0);

    public PagedList<CustodyView> Alerts { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Alerts = await mediator.Send(new ListCustody.Query(true, null, AlertsOnly: true, 1, 20), ct);
        Register = await mediator.Send(new ListCustody.Query(!Released, null, false, Math.Max(1, PageNumber), PageSize), ct);
    }
}
