using Dealership.Application.Common;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Service;

/// <summary>Cancels an appointment with a reason; its labour and reserved parts are released.</summary>
public static class CancelAppointment
{
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, string Reason, long? ExpectedVersion) : ICommand<AppointmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the appointment is cancelled.").MaximumLength(500);
    }

    public sealed class Handler(AppointmentAccess access, AppointmentMover mover, AppointmentViews views) : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            await mover.CancelAsync(appointment, command.Reason, byCustomer: false, cancellationToken);
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}
