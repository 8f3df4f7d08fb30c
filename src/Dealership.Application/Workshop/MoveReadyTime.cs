using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Workshop;

/// <summary>
/// The advisor moves the promised ready time, with the reason: the customer is told at once, and the old
/// promise is renegotiated (moved before it fell due) or broken (after), in the ledger.
/// </summary>
public static class MoveReadyTime
{
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, DateTime ReadyAt, string Reason, long? ExpectedVersion) : ICommand<WorkshopVisitView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the car needs longer: the customer is told.").MaximumLength(300);
    }

    public sealed class Handler(WorkshopAccess access, WorkshopViews views, TimeProvider clock) : ICommandHandler<Command, WorkshopVisitView>
    {
        public async ValueTask<WorkshopVisitView> Handle(Command command, CancellationToken cancellationToken)
        {
            var visit = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            visit.MoveReadyTime(Instants.AsUtc(command.ReadyAt), command.Reason, clock.GetUtcNow().UtcDateTime);
            return await views.OneAsync(visit, cancellationToken);
        }
    }
}
