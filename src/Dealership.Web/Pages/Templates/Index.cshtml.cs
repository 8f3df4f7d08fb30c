using Dealership.Application.Notifications.Templates;
using Dealership.Web.Security;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dealership.Web.Pages.Templates;

/// <summary>Managers see every message of their site, each channel and language, with sample facts, and open one to edit it.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<TemplateSummary> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Templates = await mediator.Send(new ListTemplates.Query(), ct);
}
