using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>The customer picks a new time on their tracking page (same advisor if free, else another advisor that day).</summary>
public static class RescheduleMyAppointment
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid AppointmentId, DateTime StartsAt) : ICommand<bool>;

    public sealed class Handler(DealershipDbContext db, WorkshopCapacity capacity, AppointmentMover mover, TimeProvider clock) : ICommandHandler<Command, bool>
    {
        public async ValueTask<bool> Handle(Command command, CancellationToken cancellationToken)
        {
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, clock.GetUtcNow().UtcDateTime, cancellationToken);
            var appointment = await db.Appointments.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == command.AppointmentId && a.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == appointment.SiteId, cancellationToken);
            var startsAt = Instants.AsUtc(command.StartsAt);
            var date = capacity.CheckSlot(site, startsAt);
            var day = (await capacity.AvailabilityAsync(site, date, date, appointment.LabourMinutes, null, appointment.Id, cancellationToken)).Single();
            var advisor = day.Advisors.FirstOrDefault(a => a.StaffId == appointment.AdvisorStaffId && a.Slots.Contains(startsAt))
                ?? day.Advisors.FirstOrDefault(a => a.Slots.Contains(startsAt))
                ?? throw new DomainRuleException("That time has just been taken. Please pick another.", "slot-taken");
            await mover.MoveAsync(appointment, startsAt, advisor.StaffId, "Picked a new time on their tracking page", byCustomer: true, cancellationToken);
            return true;
        }
    }
}
