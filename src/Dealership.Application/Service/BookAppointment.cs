using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Sites;
using Dealership.Domain.Common;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// Books a car into the workshop at the current site: the concern in the customer's words, the operations
/// known now, a drop-off slot with an advisor (or a walk-in now). Capacity is checked for the day and the
/// advisor; each operation's parts become lines the pre-ordering job reserves or orders straight after.
/// </summary>
public static class BookAppointment
{
    /// <summary><paramref name="SeparateVisit"/>: book even though the car already has an open visit for one of these operations.</summary>
    [Allowed(Access.WriteService)]
    public sealed record Command(Guid CustomerId, Guid VehicleId, string Concern, IReadOnlyList<string>? OperationCodes, DateTime? StartsAt,
        Guid? AdvisorStaffId, bool WalkIn, bool SeparateVisit = false) : ICommand<AppointmentView>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Concern).NotEmpty().WithMessage("Write down the concern in the customer's words.").MaximumLength(1000);
            RuleFor(c => c.StartsAt).NotNull().When(c => !c.WalkIn).WithMessage("Pick a drop-off time from the availability (or book a walk-in).");
            RuleFor(c => c.StartsAt).Null().When(c => c.WalkIn).WithMessage("A walk-in starts now: leave the time out.");
            RuleFor(c => c.OperationCodes).Must(o => o is null || o.Count <= 20).WithMessage("At most 20 operations per visit.");
        }
    }

    public sealed class Handler(DealershipDbContext db, SiteContext siteContext, ICurrentStaff staff, WorkshopCapacity capacity, AppointmentViews views, TimeProvider clock)
        : ICommandHandler<Command, AppointmentView>
    {
        public async ValueTask<AppointmentView> Handle(Command command, CancellationToken cancellationToken)
        {
            var site = await siteContext.GetAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // Read whole and held by the unit: the visit's view and its confirmation take the customer and the car from
            // these copies instead of reading them again (issue #14).
            var customer = await db.Customers.FindAsync([command.CustomerId], cancellationToken) ?? throw new NotFoundException("Customer", command.CustomerId);
            if (await db.Vehicles.FindAsync([command.VehicleId], cancellationToken) is not { } vehicle || vehicle.CustomerId != customer.Id)
            {
                throw new DomainRuleException("That vehicle is not one of this customer's. Add it to the customer first.", "vehicle-not-customers");
            }

            if (!command.SeparateVisit)
            {
                await RefuseDuplicateAsync(command, site, cancellationToken);
            }

            var advisorId = await ResolveAdvisorAsync(command.AdvisorStaffId, site.Id, cancellationToken);
            DateTime startsAt;
            DateOnly date;
            if (command.WalkIn)
            {
                startsAt = now;
                date = DateOnly.FromDateTime(site.ToLocal(now));
                if (!site.IsOpenAt(now))
                {
                    throw new DomainRuleException($"{site.Name} is closed right now, so a walk-in cannot start: book a drop-off time instead.", "closed");
                }
            }
            else
            {
                startsAt = Instants.AsUtc(command.StartsAt!.Value);
                date = capacity.CheckSlot(site, startsAt);
            }

            var (operations, lines) = await OperationsAndPartsAsync(command.OperationCodes ?? [], site, cancellationToken);
            var appointment = new ServiceAppointment(site.Id, command.CustomerId, command.VehicleId, advisorId, command.Concern, startsAt, date, command.WalkIn,
                operations, lines, staff.RequireStaffId(), now);
            await capacity.ReserveAsync(site, date, startsAt, command.WalkIn, appointment.LabourMinutes, advisorId, null, cancellationToken);
            db.Appointments.Add(appointment);
            return await views.OneAsync(appointment, cancellationToken);
        }

        /// <summary>
        /// The same car booked again for work it is already booked for would order its parts twice and confuse
        /// everyone: say which visit has it, unless the advisor confirms this is really a second visit.
        /// </summary>
        private async Task RefuseDuplicateAsync(Command command, Domain.Sites.Site site, CancellationToken ct)
        {
            var codes = (command.OperationCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            var open = await db.Appointments.AsNoTracking()
                .Where(a => a.VehicleId == command.VehicleId && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
                .Select(a => new { a.Id, a.StartsAt, Codes = a.Operations.Select(o => o.Code).ToList() })
                .ToListAsync(ct);
            var clash = open.Select(a => new { a.Id, a.StartsAt, Same = a.Codes.Where(codes.Contains).ToList() }).FirstOrDefault(a => a.Same.Count > 0 || codes.Count == 0);
            if (clash is null)
            {
                return;
            }

            var error = new DomainRuleException(
                $"This car already has a visit on {site.ToLocal(clash.StartsAt):dddd, MMM d 'at' h:mm tt}{(clash.Same.Count > 0 ? $" for {string.Join(", ", clash.Same)}" : "")}. " +
                "Move or add to that visit; book again only if this is really a second visit (separateVisit: true).", "duplicate-visit");
            error.Facts["existingAppointmentId"] = clash.Id;
            throw error;
        }

        private async Task<Guid> ResolveAdvisorAsync(Guid? requested, Guid siteId, CancellationToken ct)
        {
            var advisors = await capacity.AdvisorsAsync(siteId, ct);
            var id = requested ?? (staff.IsInRole(StaffRoles.ServiceAdvisor) ? staff.RequireStaffId() : (Guid?)null)
                ?? throw new ValidationException([new FluentValidation.Results.ValidationFailure("advisorStaffId", "Choose the service advisor for this visit.")]);
            return advisors.Any(a => a.Id == id) ? id
                : throw new DomainRuleException("That person is not a service advisor at this site. Choose one from the availability.", "not-an-advisor");
        }

        private async Task<(List<AppointmentOperation>, List<AppointmentPartLine>)> OperationsAndPartsAsync(IReadOnlyList<string> codes, Domain.Sites.Site site, CancellationToken ct)
        {
            var wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct().ToList();
            if (wanted.Count == 0)
            {
                // A visit for a concern only (the work is found when the car is looked at): nothing to look up.
                return ([], []);
            }

            var catalogue = await db.ServiceOperations.AsNoTracking().Where(o => wanted.Contains(o.Code)).ToListAsync(ct);
            var unknown = wanted.Except(catalogue.Select(o => o.Code)).ToList();
            if (unknown.Count > 0)
            {
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("operationCodes", $"Unknown operation code{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)}. See GET /api/service/operations.")]);
            }

            var needed = catalogue.SelectMany(o => o.Parts).GroupBy(p => p.PartNumber).Select(g => (PartNumber: g.Key, Quantity: g.Sum(p => p.Quantity))).ToList();
            var numbers = needed.Select(n => n.PartNumber).ToList();
            var parts = await db.Parts.AsNoTracking().Where(p => p.SiteId == site.Id && numbers.Contains(p.PartNumber)).ToDictionaryAsync(p => p.PartNumber, ct);
            var missing = numbers.Where(n => !parts.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                var ex = new DomainRuleException($"{(missing.Count == 1 ? "Part" : "Parts")} {string.Join(", ", missing)} needed by these operations {(missing.Count == 1 ? "is" : "are")} not set up at {site.Name}. Ask the parts department to add them, then book.", "part-not-stocked");
                ex.Facts["partNumbers"] = missing;
                throw ex;
            }

            var operations = wanted.Select(code => catalogue.First(o => o.Code == code)).Select(o => new AppointmentOperation(o.Code, o.Description, o.LabourMinutes)).ToList();
            var lines = needed.Select(n => new AppointmentPartLine(parts[n.PartNumber].Id, n.PartNumber, parts[n.PartNumber].Description, n.Quantity)).ToList();
            return (operations, lines);
        }
    }
}
