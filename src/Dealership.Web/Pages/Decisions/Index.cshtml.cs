using Dealership.Application.Common;
using Dealership.Application.Decisions;
using Dealership.Domain.Decisions;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Decisions;

/// <summary>Every decision at the manager's sites with its outcome, filtered by who, what and how it turned out; outcomes the system cannot know are recorded here.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator, FormSubmissions submissions) : StaffFormPage(submissions)
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid? Staff { get; set; }

    [BindProperty(SupportsGet = true)]
    public DecisionAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DecisionOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PagedList<DecisionView> Decisions { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary><paramref name="filters"/>: the list's query string, so the manager comes back to the same filtered page.</summary>
    public Task<IActionResult> OnPostOutcomeAsync(Guid decisionId, DecisionOutcome outcome, string? note, string? filters, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new RecordDecisionOutcome.Command(decisionId, outcome, note), ct).AsTask(),
            "Outcome recorded; it counts on the dashboard from now on.", "/decisions" + (filters is { Length: > 1 } q && q[0] == '?' && !q.Contains('#') ? q : ""), ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        Decisions = await mediator.Send(new ListDecisions.Query(null, null, null, PageNumber, PageSize, Staff, Action, Outcome), ct);
    }
}
