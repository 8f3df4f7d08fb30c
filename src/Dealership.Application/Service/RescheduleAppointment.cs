using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Service;

/// <summary>
/// Moves an appointment to another drop-off time (and optionally advisor), with the reason the customer is
/// told. Capacity moves with it; if it leaves the planning horizon its reserved parts go back on the shelf
/// (the planner runs straight after commit), and lines already on order are judged against the new date.
/// </summary>
public static class RescheduleAppointment
{
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, DateTime StartsAt, Guid? AdvisorStaffId, string Reason, long? ExpectedVersion) : ICommand<AppointmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the appointment moves: the customer is told.").MaximumLength(500);
    }

    public sealed class Handler(AppointmentAccess access, AppointmentMover mover, AppointmentViews views) : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            await mover.MoveAsync(appointment, Instants.AsUtc(command.StartsAt), command.AdvisorStaffId, command.Reason, byCustomer: false,
                keepsOwnAdvisor: true, cancellationToken);
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}
