using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Common;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Tracking;

/// <summary>What a customer may book on their own page: a routine service, or a concern the workshop diagnoses.</summary>
public enum SelfBookingKind
{
    Routine,
    Concern,
}

/// <summary>
/// The customer books a visit for one of their own cars from their page, from the workshop's real availability:
/// the same capacity as staff booking, and parts-aware (a routine service whose parts are short starts the day
/// after they can be on the shelf). What they need is said in their own words; the advisor is the slot's.
/// </summary>
public static class SelfBooking
{
    /// <summary>The catalogue operation a routine service books (oil, filter and the multi-point inspection).</summary>
    public const string RoutineOperation = "OIL-SVC";

    public const int MaxTimes = 15;

    public sealed record MyCar(Guid VehicleId, string Name);

    /// <summary>Why nothing can be booked right now (the page says it in the customer's language).</summary>
    public enum Unavailable
    {
        None,

        /// <summary>Every car of theirs already has an open visit (shown on the page, where it can be moved).</summary>
        AllCarsBooked,

        /// <summary>A part the service needs cannot be had.</summary>
        PartsUnavailable,

        /// <summary>No free time in the next three weeks.</summary>
        WorkshopFull,
    }

    public sealed record Options(IReadOnlyList<MyCar> Cars, IReadOnlyList<VisitSlot> Times, Unavailable Why);

    internal static async Task<(Domain.Sites.Site Site, ServiceOperation? Operation)> SiteAndWorkAsync(DealershipDbContext db, Guid customerId, SelfBookingKind kind, CancellationToken ct)
    {
        var siteId = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.RegisteredAtSiteId).FirstAsync(ct);
        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == siteId, ct);
        var operation = kind == SelfBookingKind.Routine
            ? await db.ServiceOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == RoutineOperation, ct)
            : null;
        return (site, operation);
    }

    /// <summary>The first day the work's parts can be on the shelf (a working day after the quickest supplier, when short).</summary>
    internal static async Task<DateOnly?> EarliestDayAsync(DealershipDbContext db, Domain.Sites.Site site, ServiceOperation? operation, DateOnly tomorrow, CancellationToken ct)
    {
        if (operation is null || operation.Parts.Count == 0)
        {
            return tomorrow;
        }

        var calendar = new WorkingDays(site.OpenDays);
        var numbers = operation.Parts.Select(p => p.PartNumber).ToList();
        var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == site.Id && numbers.Contains(p.PartNumber)).ToDictionaryAsync(p => p.PartNumber, ct);
        var earliest = tomorrow;
        foreach (var needed in operation.Parts)
        {
            if (!parts.TryGetValue(needed.PartNumber, out var part) || (part.Available < needed.Quantity && part.Suppliers.Count == 0))
            {
                return null;
            }

            if (part.Available < needed.Quantity)
            {
                var onShelf = calendar.Add(part.Suppliers.Min(s => calendar.Add(tomorrow.AddDays(-1), s.LeadTimeWorkingDays)), 1);
                earliest = onShelf > earliest ? onShelf : earliest;
            }
        }

        return earliest;
    }

    internal static int Minutes(ServiceOperation? operation) => operation?.LabourMinutes ?? ServiceAppointment.DiagnosisMinutes;
}

/// <summary>The customer's cars and the times they could book, for the booking card on their page.</summary>
public static class GetMyBookingOptions
{
    [Allowed(Access.CustomerLink)]
    public sealed record Query(string Token, SelfBookingKind Kind) : IQuery<SelfBooking.Options>;

    public sealed class Handler(DealershipDbContext db, WorkshopCapacity capacity, TimeProvider clock) : IQueryHandler<Query, SelfBooking.Options>
    {
        public async ValueTask<SelfBooking.Options> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, query.Token, now, cancellationToken);
            // Only cars without an open visit: a car already booked is moved on its own card, not booked twice.
            var cars = (await db.Vehicles.AsNoTracking()
                    .Where(v => v.CustomerId == customerId && !db.Appointments.Any(a => a.VehicleId == v.Id && (a.Status == AppointmentStatus.Booked
                        || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Ready)))
                    .OrderBy(v => v.Year).Select(v => new { v.Id, v.Year, v.Make, v.Model }).Take(20).ToListAsync(cancellationToken))
                .Select(c => new SelfBooking.MyCar(c.Id, $"{c.Year} {c.Make} {c.Model}")).ToList();
            if (cars.Count == 0)
            {
                return new SelfBooking.Options([], [], SelfBooking.Unavailable.AllCarsBooked);
            }

            var (site, operation) = await SelfBooking.SiteAndWorkAsync(db, customerId, query.Kind, cancellationToken);
            var tomorrow = DateOnly.FromDateTime(site.ToLocal(now)).AddDays(1);
            var from = await SelfBooking.EarliestDayAsync(db, site, operation, tomorrow, cancellationToken);
            if (from is null)
            {
                return new SelfBooking.Options(cars, [], SelfBooking.Unavailable.PartsUnavailable);
            }

            var days = await capacity.AvailabilityAsync(site, from.Value, from.Value.AddDays(20), SelfBooking.Minutes(operation), null, null, cancellationToken);
            // A few times a day, spread over the days, so the choice fits on a phone.
            var times = days.Where(d => d.Open)
                .SelectMany(d => (d.Advisors.FirstOrDefault(a => a.Slots.Count > 0)?.Slots ?? []).Where((_, i) => i % 4 == 0).Take(3))
                .Take(SelfBooking.MaxTimes).Select(s => new VisitSlot(s, site.ToLocal(s))).ToList();
            return new SelfBooking.Options(cars, times, times.Count == 0 ? SelfBooking.Unavailable.WorkshopFull : SelfBooking.Unavailable.None);
        }
    }
}

/// <summary>The customer books the visit: their car, what they need in their own words, a time the workshop has free.</summary>
public static class BookMyVisit
{
    [Allowed(Access.CustomerLink)]
    public sealed record Command(string Token, Guid VehicleId, SelfBookingKind Kind, string Concern, DateTime StartsAt) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Concern).NotEmpty().When(c => c.Kind == SelfBookingKind.Concern)
                .WithMessage("Tell us what is wrong, in your own words: the technician reads it first.").MaximumLength(1000);
        }
    }

    public sealed class Handler(DealershipDbContext db, WorkshopCapacity capacity, TimeProvider clock) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var customerId = await CustomerLink.ResolveAsync(db, command.Token, now, cancellationToken);
            var vehicle = await db.Vehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Id == command.VehicleId && v.CustomerId == customerId, cancellationToken)
                ?? throw new NotFoundException("This link is not valid.");
            if (await db.Appointments.AnyAsync(a => a.VehicleId == vehicle.Id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn
                    || a.Status == AppointmentStatus.InProgress || a.Status == AppointmentStatus.Ready), cancellationToken))
            {
                throw new DomainRuleException("This car already has a visit with us; you can move it on this page, or write to us to add to it.", "duplicate-visit");
            }

            var (site, operation) = await SelfBooking.SiteAndWorkAsync(db, customerId, command.Kind, cancellationToken);
            var startsAt = Instants.AsUtc(command.StartsAt);
            var date = capacity.CheckSlot(site, startsAt);
            var earliest = await SelfBooking.EarliestDayAsync(db, site, operation, DateOnly.FromDateTime(site.ToLocal(now)).AddDays(1), cancellationToken);
            if (earliest is null || date < earliest)
            {
                throw new DomainRuleException("That time is no longer possible; please pick one of the times shown.", "slot-taken");
            }

            // The slot's own advisor: the first with that time free, as the page offered it.
            var day = (await capacity.AvailabilityAsync(site, date, date, SelfBooking.Minutes(operation), null, null, cancellationToken)).Single();
            var advisor = day.Advisors.FirstOrDefault(a => a.Slots.Contains(startsAt))
                ?? throw new DomainRuleException("That time was just taken; please pick another.", "slot-taken");
            var concern = string.IsNullOrWhiteSpace(command.Concern) ? "Routine service" : command.Concern.Trim();
            var numbers = operation?.Parts.Select(p => p.PartNumber).ToList() ?? [];
            var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == site.Id && numbers.Contains(p.PartNumber)).ToDictionaryAsync(p => p.PartNumber, cancellationToken);
            var visit = new ServiceAppointment(site.Id, customerId, vehicle.Id, advisor.StaffId, concern, startsAt, date, walkIn: false,
                operation is null ? [] : [new AppointmentOperation(operation.Code, operation.Description, operation.LabourMinutes)],
                operation?.Parts.Select(p => new AppointmentPartLine(parts[p.PartNumber].Id, p.PartNumber, parts[p.PartNumber].Description, p.Quantity)) ?? [],
                createdBy: customerId, now, bookedByCustomer: true);
            await capacity.ReserveAsync(site, date, startsAt, walkIn: false, visit.LabourMinutes, advisor.StaffId, null, cancellationToken);
            db.Appointments.Add(visit);
            return visit.Id;
        }
    }
}
