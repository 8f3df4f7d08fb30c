using Dealership.Application.Common;
using Dealership.Application.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer presses "I'll be there" on their tracking page.</summary>
public static class ConfirmMyAppointment
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid AppointmentId) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var appointment = await db.Appointments.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == command.AppointmentId && a.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            appointment.ConfirmAttendance(now);
            return true;
        }
    }
}
