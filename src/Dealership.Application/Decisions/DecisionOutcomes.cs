using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Decisions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>
/// The outcome the system knows by itself: a customer given a gesture who books again or orders again came back;
/// a deal given something closed when the car is handed over; a check taken before it cleared cleared or bounced.
/// Every open, applied or approved decision concerned records it, so managers see which decisions pay off.
/// </summary>
public sealed class DecisionOutcomes(DealershipDbContext db) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Orders.OrderPlaced>,
    IDomainEventSubscriber<Domain.Orders.OrderDelivered>,
    IDomainEventSubscriber<Domain.Orders.PaymentSettled>
{
    public async Task HandleAsync(Domain.Orders.OrderDelivered domainEvent, CancellationToken cancellationToken)
    {
        var open = await GrantedOpenAsync(d => d.SubjectType == "order" && d.SubjectId == domainEvent.Order.Id && d.Action != DecisionAction.AcceptCheck, cancellationToken);
        foreach (var decision in open)
        {
            decision.RecordOutcome(DecisionOutcome.CustomerKept, "Deal closed: the car was handed over");
        }
    }

    public async Task HandleAsync(Domain.Orders.PaymentSettled domainEvent, CancellationToken cancellationToken)
    {
        if (domainEvent.How == Domain.Orders.PaymentSettlement.Verified)
        {
            return;
        }

        var paymentId = domainEvent.Payment.Id;
        var open = await GrantedOpenAsync(d => d.Action == DecisionAction.AcceptCheck && d.PaymentId == paymentId, cancellationToken);
        foreach (var decision in open)
        {
            // Taking a check early pays off if it clears; a bounce is the risk the decision took, come true.
            decision.RecordOutcome(domainEvent.How == Domain.Orders.PaymentSettlement.Cleared ? DecisionOutcome.CustomerKept : DecisionOutcome.CustomerLost,
                domainEvent.How == Domain.Orders.PaymentSettlement.Cleared ? "The check cleared" : "The check bounced");
        }
    }

    private Task<List<Decision>> GrantedOpenAsync(System.Linq.Expressions.Expression<Func<Decision, bool>> which, CancellationToken ct) =>
        db.Decisions.Where(d => d.Outcome == DecisionOutcome.Open && (d.Status == DecisionStatus.Applied || d.Status == DecisionStatus.Approved))
            .Where(which).ToListAsync(ct);

    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) =>
        CameBackAsync(domainEvent.Appointment.CustomerId, domainEvent.Appointment.Id, $"Came back: booked a visit ({domainEvent.Appointment.Concern})", domainEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(Domain.Orders.OrderPlaced domainEvent, CancellationToken cancellationToken) =>
        CameBackAsync(domainEvent.Order.CustomerId, domainEvent.Order.Id, $"Came back: ordered a {domainEvent.Order.Vehicle.Describe()}", domainEvent.OccurredAt, cancellationToken);

    private async Task CameBackAsync(Guid customerId, Guid subjectId, string note, DateTime at, CancellationToken ct)
    {
        // A check's outcome is its clearing, not a later visit.
        var open = await GrantedOpenAsync(d => d.CustomerId == customerId && d.SubjectId != subjectId && d.CreatedAt <= at && d.Action != DecisionAction.AcceptCheck, ct);
        foreach (var decision in open)
        {
            decision.RecordOutcome(DecisionOutcome.CustomerKept, note.Length > 200 ? note[..200] : note);
        }
    }
}

/// <summary>How a decision turned out, recorded by hand where the system cannot know (a complaint, a customer lost).</summary>
public static class RecordDecisionOutcome
{
    [Allowed(Access.ManageSite)]
    public sealed record Command(Guid DecisionId, DecisionOutcome Outcome, string? Note) : ICommand<DecisionView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Outcome).IsInEnum().NotEqual(DecisionOutcome.Open).WithMessage("Say how it turned out: customerKept, customerLost or noEffect.");
            RuleFor(c => c.Note).MaximumLength(500);
        }
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : ICommandHandler<Command, DecisionView>
    {
        public async ValueTask<DecisionView> Handle(Command command, CancellationToken cancellationToken)
        {
            var decision = await db.Decisions.AtMySites(staff).ForChangeAsync(command.DecisionId, null, "Decision", cancellationToken);
            decision.RecordOutcome(command.Outcome, command.Note);
            var name = await db.Users.AsNoTracking().Where(u => u.Id == decision.StaffId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return DecisionView.From(decision, name, null);
        }
    }
}
