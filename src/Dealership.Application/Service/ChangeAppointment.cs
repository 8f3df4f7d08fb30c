using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// Moves an appointment to another drop-off time (and optionally advisor), with the reason the customer is
/// told. Capacity moves with it; if it leaves the planning horizon its reserved parts go back on the shelf
/// (the planner runs straight after commit), and lines already on order are judged against the new date.
/// </summary>
public static class RescheduleAppointment
{
    public sealed record Command(Guid AppointmentId, DateTime StartsAt, Guid? AdvisorStaffId, string Reason, long? ExpectedVersion) : ICommand<AppointmentView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the appointment moves: the customer is told.").MaximumLength(500);
    }

    public sealed class Handler(AppointmentAccess access, AppointmentMover mover, AppointmentViews views) : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            await mover.MoveAsync(appointment, BookAppointment.Handler.AsUtc(command.StartsAt), command.AdvisorStaffId, command.Reason, byCustomer: false, cancellationToken);
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}

/// <summary>Cancels an appointment with a reason; its labour and reserved parts are released.</summary>
public static class CancelAppointment
{
    public sealed record Command(Guid AppointmentId, string Reason, long? ExpectedVersion) : ICommand<AppointmentView>, IVersionedCommand;

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

/// <summary>The moves shared by staff and the customer's own tracking page.</summary>
public sealed class AppointmentMover(DealershipDbContext db, WorkshopCapacity capacity, TimeProvider clock)
{
    public async Task MoveAsync(ServiceAppointment appointment, DateTime startsAt, Guid? advisorStaffId, string reason, bool byCustomer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == appointment.SiteId, ct);
        var date = capacity.CheckSlot(site, startsAt);
        var advisorId = advisorStaffId ?? appointment.AdvisorStaffId;
        if (!(await capacity.AdvisorsAsync(site.Id, ct)).Any(a => a.Id == advisorId))
        {
            throw new DomainRuleException("That person is not a service advisor at this site.", "not-an-advisor");
        }

        var oldDate = appointment.Date;
        await capacity.ReserveAsync(site, date, startsAt, walkIn: false, appointment.LabourMinutes, advisorId, appointment.Id, ct);
        if (oldDate != date)
        {
            await capacity.ReleaseAsync(site.Id, oldDate, appointment.LabourMinutes, ct);
        }

        appointment.Reschedule(startsAt, date, advisorId, reason, byCustomer, clock.GetUtcNow().UtcDateTime);
        // Lines on order are judged against the new date now; the planner (after commit) handles the rest.
        var calendar = new Domain.Parts.WorkingDays(site.OpenDays);
        appointment.AssessParts(calendar.Before(date), clock.GetUtcNow().UtcDateTime);
    }

    public async Task CancelAsync(ServiceAppointment appointment, string reason, bool byCustomer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var released = appointment.Cancel(reason, byCustomer, clock.GetUtcNow().UtcDateTime);
        await capacity.ReleaseAsync(appointment.SiteId, appointment.Date, appointment.LabourMinutes, ct);
        var partIds = released.Select(l => l.PartId).Distinct().ToList();
        var parts = await db.Parts.Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var line in released)
        {
            parts[line.PartId].Release(line.Quantity);
        }
    }
}

/// <summary>
/// Records the check-in at the desk: odometer, the concern as confirmed with the customer, how they want
/// updates, and when the car will be ready (a promise in the ledger, kept or broken like any other).
/// </summary>
public static class CheckInAppointment
{
    public sealed record Command(Guid AppointmentId, int Mileage, string? ConcernConfirmed, string UpdatesContact, DateTime PromisedReadyAt, long? ExpectedVersion)
        : ICommand<AppointmentView>, IVersionedCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mileage).InclusiveBetween(0, 2_000_000).WithMessage("Enter the odometer reading.");
            RuleFor(c => c.UpdatesContact).NotEmpty().WithMessage("How does the customer want updates today (text, email or a call on which number)?").MaximumLength(254);
            RuleFor(c => c.ConcernConfirmed).MaximumLength(1000);
        }
    }

    public sealed class Handler(DealershipDbContext db, AppointmentAccess access, ICurrentStaff staff, AppointmentViews views, TimeProvider clock)
        : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var readyAt = BookAppointment.Handler.AsUtc(command.PromisedReadyAt);
            appointment.CheckIn(command.Mileage, command.ConcernConfirmed ?? "", command.UpdatesContact, readyAt, staff.RequireStaffId(), now);
            // The advisor's own promise (kept by them, or by the ready-for-pickup step when the workshop part
            // lands); tagged with the step so that step can find it. Left open past its time, the watchdog
            // marks it broken like any other promise.
            var vehicle = await db.Vehicles.AsNoTracking().Where(v => v.Id == appointment.VehicleId).Select(v => v.Make + " " + v.Model).FirstAsync(cancellationToken);
            db.Promises.Add(new Domain.Promises.CustomerPromise(appointment.SiteId, appointment.CustomerId, staff.RequireStaffId(),
                $"{vehicle} ready for pickup", readyAt, Domain.Promises.PromiseKind.Manual, "appointment", appointment.Id, "readyForPickup", now));
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}
