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

    /// <summary>One kind of order only (?attention=late, as the API spells it); anything else shows them all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Attention { get; set; }

    public GetDeliveriesBoard.Board Board { get; private set; } = new([], 0, 0, 0, 0, 0);

    /// <summary>This board with the owner kept, one kind of order (or all of them) and a page.</summary>
    public string LinkTo(string? attention, int page)
    {
        var query = new Dictionary<string, string?> { ["owner"] = Owner, ["attention"] = attention, ["p"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/deliveries", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    public Application.Promises.GetPromiseStats.Rate? MyPromises { get; private set; }

    public Application.Promises.GetPromiseStats.Rate? SitePromises { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A kind the board does not know (an old bookmark) shows every order rather than an error.
        var only = Api.QueryValues.TryEnum<GetDeliveriesBoard.Attention>(Attention, out var kind) ? kind : (GetDeliveriesBoard.Attention?)null;
        Attention = only is { } shown ? Api.QueryValues.Spelling(shown) : null;
        Board = await mediator.Send(new GetDeliveriesBoard.Query(Owner == "me" ? staff.StaffId : null, Math.Max(1, PageNumber), Only: only), ct);
        var stats = await mediator.Send(new Application.Promises.GetPromiseStats.Query(), ct);
        MyPromises = stats.People.FirstOrDefault(p => p.Id == staff.StaffId);
        SitePromises = stats.Sites.FirstOrDefault(s => s.Id == staff.SiteId);
    }
}
