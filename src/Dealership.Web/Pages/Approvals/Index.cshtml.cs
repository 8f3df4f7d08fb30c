using Dealership.Application.Common;
using Dealership.Application.Decisions;
using Dealership.Domain.Decisions;
using Dealership.Web.Security;
using Dealership.Web.Ui;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Dealership.Web.Pages.Approvals;

/// <summary>The approvals queue: requests above someone's limit, oldest first; approve, or decline saying why.</summary>
[Authorize(Policy = Policies.ManagersOnly)]
public sealed class IndexModel(IMediator mediator, FormSubmissions submissions) : StaffFormPage(submissions)
{
    public PagedList<DecisionView> Waiting { get; private set; } = new([], 1, 50, 0);

    public PagedList<DecisionView> Answered { get; private set; } = new([], 1, 10, 0);

    public PolicySheet Sheet { get; private set; } = null!;

    public Dealership.Application.Notifications.SetMyAlerts.AlertsView Alerts { get; private set; } = new(null, false);

    public IReadOnlyDictionary<Guid, Standing> Standings { get; private set; } = new Dictionary<Guid, Standing>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPolicyAsync(string? role, DecisionAction action, bool allowed, string? limit, string? reason, CancellationToken ct)
    {
        long? cents = null;
        if (!string.IsNullOrWhiteSpace(limit))
        {
            if (FormOutcome.ToMinorUnits(limit) is not { } parsed)
            {
                return await ShowAsync(ct, "The limit is an amount, for example 250.00 (leave it empty for no cap).");
            }

            cents = parsed;
        }

        return await SubmitAsync(() => mediator.Send(new SetPolicy.Command(role ?? "", action, allowed, cents, reason ?? ""), ct).AsTask(),
            "Limit changed; it applies from the next decision and is kept in the history.", "/approvals#limits", ct);
    }

    public Task<IActionResult> OnPostAlertsAsync(string? mobilePhone, bool textApprovals, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new Dealership.Application.Notifications.SetMyAlerts.Command(mobilePhone, textApprovals), ct).AsTask(),
            textApprovals ? "You will get a text when someone asks for your approval." : "No texts: requests reach your inbox only.", "/approvals", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid decisionId, bool approved, string? reason, CancellationToken ct) =>
        SubmitAsync(() => mediator.Send(new AnswerDecision.Command(decisionId, approved, reason), ct).AsTask(),
            approved ? "Approved; the person who asked has been told." : "Declined; the person who asked has been told why.", "/approvals", ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        Waiting = await mediator.Send(new ListDecisions.Query(null, null, DecisionStatus.AwaitingApproval, 1, 50), ct);
        Sheet = await mediator.Send(new GetPolicies.Query(), ct);
        Alerts = await mediator.Send(new Dealership.Application.Notifications.GetMyAlerts.Query(), ct);
        Standings = await mediator.Send(new GetCustomerStanding.Query([.. Waiting.Items.Select(d => d.CustomerId).Distinct()]), ct);
        var approved = await mediator.Send(new ListDecisions.Query(null, null, DecisionStatus.Approved, 1, 5), ct);
        var declined = await mediator.Send(new ListDecisions.Query(null, null, DecisionStatus.Declined, 1, 5), ct);
        Answered = new PagedList<DecisionView>([.. approved.Items.Concat(declined.Items).OrderByDescending(d => d.DecidedAt)], 1, 10, approved.Total + declined.Total);
    }
}
