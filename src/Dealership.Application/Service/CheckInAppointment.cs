using Dealership.Application.Common;
using Dealership.Application.Data;
using FluentValidation;
using Mediator;

namespace Dealership.Application.Service;

/// <summary>
/// Records the check-in at the desk: odometer, the concern as confirmed with the customer, how they want
/// updates, and when the car will be ready (a promise in the ledger, kept or broken like any other).
/// </summary>
public static class CheckInAppointment
{
    /// <param name="Keys">Keys handed over with the car (custody receipt); one set when not said.</param>
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid AppointmentId, int Mileage, string? ConcernConfirmed, string UpdatesContact, DateTime PromisedReadyAt, long? ExpectedVersion, int? Keys = null)
        : ICommand<AppointmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Mileage).InclusiveBetween(0, 2_000_000).WithMessage("Enter the odometer reading.");
            RuleFor(c => c.UpdatesContact).NotEmpty().WithMessage("How does the customer want updates today (text, email or a call on which number)?").MaximumLength(254);
            RuleFor(c => c.ConcernConfirmed).MaximumLength(1000);
            RuleFor(c => c.Keys).InclusiveBetween(1, 10).When(c => c.Keys is not null).WithMessage("Keys received: between 1 and 10.");
        }
    }

    public sealed class Handler(DealershipDbContext db, AppointmentAccess access, ICurrentStaff staff, AppointmentViews views, Custody.CustodyRegister custody, TimeProvider clock)
        : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var appointment = await access.LoadAsync(command.AppointmentId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var readyAt = Instants.AsUtc(command.PromisedReadyAt);
            appointment.CheckIn(command.Mileage, command.ConcernConfirmed ?? "", command.UpdatesContact, readyAt, staff.RequireStaffId(), now);
            // The advisor's own promise (kept by them, or by the ready-for-pickup step when the workshop part
            // lands); tagged with the step so that step can find it. Left open past its time, the watchdog
            // marks it broken like any other promise.
            // Held by the unit: the visit's view and the check-in message take the car from this copy.
            var car = await db.Vehicles.FindAsync([appointment.VehicleId], cancellationToken) ?? throw new NotFoundException("Vehicle", appointment.VehicleId);
            var vehicle = car.Make + " " + car.Model;
            // The car and its keys are in our hands from now until collection: the customer gets a receipt (the check-in message).
            custody.TakeVisitCar(appointment, $"{car.Year} {vehicle}, VIN {car.Vin}", command.Keys ?? 1, staff.RequireStaffId(), now);
            db.Promises.Add(new Domain.Promises.CustomerPromise(appointment.SiteId, appointment.CustomerId, staff.RequireStaffId(),
                $"{vehicle} ready for pickup", readyAt, Domain.Promises.PromiseKind.Manual, "appointment", appointment.Id, "readyForPickup", now));
            return await views.OneAsync(appointment, cancellationToken);
        }
    }
}
