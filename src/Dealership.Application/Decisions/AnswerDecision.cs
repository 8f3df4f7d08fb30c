using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Decisions;
using Dealership.Domain.Journey;
using Dealership.Domain.Tasks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>
/// A manager answers a request above someone's limit, from the approvals queue: approved (it applies: a goodwill
/// credit comes off the visit's bill) or declined with the reason. The requester hears at once in their inbox.
/// </summary>
public static class AnswerDecision
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid DecisionId, bool Approved, string? Reason) : ICommand<DecisionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().When(c => !c.Approved).WithMessage("Say why it is declined: the person who asked tells the customer.");
            RuleFor(c => c.Reason).MaximumLength(500);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, TimeProvider clock) : ICommandHandler<Command, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var decision = await db.Decisions.AtMySites(staff).ForChangeAsync(command.DecisionId, null, "Decision", cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var managerId = staff.RequireStaffId();
            if (command.Approved)
            {
                decision.Approve(managerId, now, command.Reason);
            }
            else
            {
                decision.Decline(managerId, now, command.Reason);
            }

            var requester = await db.Users.AsNoTracking().Where(u => u.Id == decision.StaffId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return DecisionView.From(decision, requester, null);
        }
    }
}

/// <summary>
/// Requests above a limit reach the site's managers at once (an inbox task each, due within the half hour,
/// because "approvals in minutes" is the point); the answer closes those tasks, tells the requester, and lands
/// on the customer's timeline.
/// </summary>
public sealed class DecisionSubscribers(DealershipDbContext db, Notifications.StaffTexts texts) : IDomainEventSubscriber<DecisionAwaitingApproval>, IDomainEventSubscriber<DecisionAnswered>
{
    public const string Subject = "decision";

    public async Task HandleAsync(DecisionAwaitingApproval domainEvent, CancellationToken cancellationToken)
    {
        var d = domainEvent.Decision;
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == d.SiteId, cancellationToken);
        var (what, customer, requester) = await DescribeAsync(d, cancellationToken);
        var managers = (await ActiveManagers.IdsAsync(db, d.SiteId, cancellationToken)).Where(id => id != d.StaffId).ToList();
        var due = site.AddOpenTime(domainEvent.OccurredAt, TimeSpan.FromMinutes(30));
        foreach (var manager in managers.DefaultIfEmpty())
        {
            db.Tasks.Add(new StaffTask(d.SiteId, manager == Guid.Empty ? null : manager, $"Approve or decline: {what} for {customer}",
                $"{requester} asks: {d.Reason}", due, Subject, d.Id, [d.CustomerId], domainEvent.OccurredAt, $"decision/{d.Id}/approve/{manager:N}"));
        }

        // And a text, for the managers who asked to be texted: "approvals in minutes" means away from the desk too.
        await texts.QueueAsync(managers, link => $"Approval needed: {what} for {customer}, asked by {requester}: \"{Shorten(d.Reason)}\" Answer at {link}",
            $"decision/{d.Id}/approve-text", cancellationToken);
    }

    public async Task HandleAsync(DecisionAnswered domainEvent, CancellationToken cancellationToken)
    {
        var d = domainEvent.Decision;
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == d.SiteId, cancellationToken);
        foreach (var task in await db.Tasks.Where(t => t.SubjectType == Subject && t.SubjectId == d.Id && t.Status == StaffTaskStatus.Open).ToListAsync(cancellationToken))
        {
            task.Resolve(domainEvent.OccurredAt);
        }

        var (what, customer, _) = await DescribeAsync(d, cancellationToken);
        var approver = await db.Users.AsNoTracking().Where(u => u.Id == d.DecidedBy).Select(u => u.DisplayName).FirstAsync(cancellationToken);
        var answer = d.Status == DecisionStatus.Approved ? "Approved" : "Declined";
        // An approval reaches the customer by itself (DecisionEffects), except a reschedule, already agreed with them; a refusal is
        // better said by the person who asked.
        var next = d.Status == DecisionStatus.Declined ? "Tell the customer yourself, with the reason and what you can offer instead."
            : d.Action is DecisionAction.Reschedule or DecisionAction.OfferOverride ? "Tell the customer."
            : "The customer has been told; nothing more to do unless they ask.";
        db.Tasks.Add(new StaffTask(d.SiteId, d.StaffId, $"{answer}: {what} for {customer}",
            $"{approver}: {d.AnswerNote ?? (d.Status == DecisionStatus.Approved ? "approved as asked" : "")}. {next}",
            site.AddOpenTime(domainEvent.OccurredAt, TimeSpan.FromHours(1)), d.SubjectType, d.SubjectId, [d.CustomerId], domainEvent.OccurredAt, $"decision/{d.Id}/answered"));
        db.Touchpoints.Add(new Touchpoint(d.CustomerId, d.SiteId, domainEvent.OccurredAt, TouchpointKind.StaffNote, TouchpointDirection.Internal, TouchpointActor.Dealer,
            proactive: false, $"{answer} by {approver}: {what}{(d.AnswerNote is { } note ? $" ({note})" : "")}", d.DecidedBy, d.SubjectType, d.SubjectId));
    }

    private async Task<(string What, string Customer, string Requester)> DescribeAsync(Decision d, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == d.CustomerId).Select(c => c.FirstName + " " + c.LastName).FirstAsync(ct);
        var requester = await db.Users.AsNoTracking().Where(u => u.Id == d.StaffId).Select(u => u.DisplayName).FirstAsync(ct);
        var action = Service.OfferRecovery.Describe(d.Action);
        var what = d.Amount is { } amount && d.Currency is { } currency
            ? $"{action} of {new Money(amount, currency).Format(CultureInfo.GetCultureInfo("en-US"))}"
            : action;
        return (what, customer, requester);
    }

    private static string Shorten(string text) => text.Length > 80 ? text[..79] + "…" : text;
}
