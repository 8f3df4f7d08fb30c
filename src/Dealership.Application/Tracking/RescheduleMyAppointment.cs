using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer picks a new time on their tracking page (same advisor if free, else another advisor that day).</summary>
public static class RescheduleMyAppointment
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid AppointmentId, DateTime StartsAt) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, AppointmentMover mover, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var appointment = await db.Appointments.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == command.AppointmentId && a.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            await mover.MoveAsync(appointment, Instants.AsUtc(command.StartsAt), null, "Picked a new time on their tracking page", byCustomer: true, keepsOwnAdvisor: false, cancellationToken);
            return true;
        }
    }
}
