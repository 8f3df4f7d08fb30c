using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Deliveries;

/// <summary>The deliveries board: the salesperson's home page.</summary>
[Authorize(Policy = Policies.ReadOrders)]
public sealed class IndexModel(IMediator mediator, ICurrentStaff staff) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Owner { get; set; }

    /// <summary>The page of the board (the most urgent first).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public GetDeliveriesBoard.Board Board { get; private set; } = new([], 0, 0, 0, 0, 0);

    public Application.Promises.GetPromiseStats.Rate? MyPromises { get; private set; }

    public Application.Promises.GetPromiseStats.Rate? SitePromises { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Board = await mediator.Send(new GetDeliveriesBoard.Query(Owner == "me" ? staff.StaffId : null, Math.Max(1, PageNumber)), ct);
        var stats = await mediator.Send(new Application.Promises.GetPromiseStats.Query(), ct);
        MyPromises = stats.People.FirstOrDefault(p => p.Id == staff.StaffId);
        SitePromises = stats.Sites.FirstOrDefault(s => s.Id == staff.SiteId);
    }
}
