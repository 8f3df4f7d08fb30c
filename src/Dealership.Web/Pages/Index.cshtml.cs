using Dealership.Application.Common;
using Dealership.Application.Customers;
using Dealership.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages;

/// <summary>Customer search: every role's home page for now.</summary>
public sealed class IndexModel(IMediator mediator, IAuthorizationService authorization) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<CustomerSummary> Results { get; private set; } = new([], 1, PageSize, 0);

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditCustomers)).Succeeded;
        Results = await mediator.Send(new SearchCustomers.Query(Q, Math.Max(1, PageNumber), PageSize), ct);
    }
}
