using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Decisions;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Decisions;

/// <summary>
/// The outcome the system knows by itself: a customer given a gesture who books again or orders again came back.
/// Every open, applied or approved decision for that customer records it, so managers see which gestures pay off.
/// </summary>
public sealed class DecisionOutcomes(DealershipDbContext db) :
    IDomainEventSubscriber<Domain.Service.AppointmentBooked>,
    IDomainEventSubscriber<Domain.Orders.OrderPlaced>
{
    public Task HandleAsync(Domain.Service.AppointmentBooked domainEvent, CancellationToken cancellationToken) =>
        CameBackAsync(domainEvent.Appointment.CustomerId, domainEvent.Appointment.Id, $"Came back: booked a visit ({domainEvent.Appointment.Concern})", domainEvent.OccurredAt, cancellationToken);

    public Task HandleAsync(Domain.Orders.OrderPlaced domainEvent, CancellationToken cancellationToken) =>
        CameBackAsync(domainEvent.Order.CustomerId, domainEvent.Order.Id, $"Came back: ordered a {domainEvent.Order.Vehicle.Describe()}", domainEvent.OccurredAt, cancellationToken);

    private async Task CameBackAsync(Guid customerId, Guid subjectId, string note, DateTime at, CancellationToken ct)
    {
        var open = await db.Decisions.Where(d => d.CustomerId == customerId && d.SubjectId != subjectId && d.Outcome == DecisionOutcome.Open && d.CreatedAt <= at
            && (d.Status == DecisionStatus.Applied || d.Status == DecisionStatus.Approved)).ToListAsync(ct);
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
