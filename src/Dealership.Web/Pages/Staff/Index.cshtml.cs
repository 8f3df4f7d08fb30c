using Dealership.Application.Common;
using Dealership.Application.Staff;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Staff;

[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<StaffView> Staff { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct) => Staff = await mediator.Send(new ListStaff.Query(Math.Max(1, PageNumber)), ct);
}
