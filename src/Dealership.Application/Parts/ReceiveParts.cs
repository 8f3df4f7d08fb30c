using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

/// <summary>
/// Books delivered parts in against an order, then gives them to the appointments waiting for that part in
/// date order (earliest visit first). Appointments whose every part is now on the shelf are ready; customers
/// who were waiting hear so.
/// </summary>
public static class ReceiveParts
{
    public sealed record Line(Guid PartId, int Quantity);

    [Allowed(Access.WriteParts)]
    public sealed record Command(Guid PartsOrderId, IReadOnlyList<Line>? Lines) : ICommand<ReceiptResult>;

    public sealed record Allocation(Guid AppointmentId, string PartNumber, int Quantity, DateOnly AppointmentDate, bool AppointmentReady);

    public sealed record ReceiptResult(PartsOrderView Order, IReadOnlyList<Allocation> Allocations);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleForEach(c => c.Lines).ChildRules(l => l.RuleFor(x => x.Quantity).GreaterThan(0).WithMessage("Receive at least one unit per line."));
    }

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, ServiceNotices notices, TimeProvider clock) : ICommandHandler<Command, ReceiptResult>
    {
        public async ValueTask<ReceiptResult> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadAsync(staff, command.PartsOrderId, null, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // No lines given: everything still outstanding arrived.
            var lines = command.Lines is { Count: > 0 } given ? given : order.Lines.Where(l => l.Outstanding > 0).Select(l => new Line(l.PartId, l.Outstanding)).ToList();
            var partIds = lines.Select(l => l.PartId).Distinct().ToList();
            var parts = await db.Parts.Where(p => partIds.Contains(p.Id) && p.SiteId == order.SiteId).ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var line in lines)
            {
                order.Receive(line.PartId, line.Quantity, now);
                parts[line.PartId].Receive(line.Quantity);
            }

            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            var calendar = new WorkingDays(site.OpenDays);
            var waiting = (await db.Appointments.AsSplitQuery()
                    // Cars already in the workshop wait for parts of approved extra work too.
                    .Where(a => a.SiteId == order.SiteId
                                && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn || a.Status == AppointmentStatus.InProgress) &&
                                a.PartLines.Any(l => partIds.Contains(l.PartId) && (l.State == PartLineState.OnOrder || l.State == PartLineState.NoSupplier)))
                    .ToListAsync(cancellationToken))
                .OrderBy(a => a.StartsAt).ThenBy(a => a.CreatedAt).ToList();
            var allocations = new List<(ServiceAppointment Appointment, string PartNumber, int Quantity)>();
            foreach (var appointment in waiting)
            {
                foreach (var line in appointment.PartLines.Where(l => partIds.Contains(l.PartId) && l.State is PartLineState.OnOrder or PartLineState.NoSupplier).ToList())
                {
                    if (parts[line.PartId].TryReserve(line.Quantity))
                    {
                        appointment.ReserveLine(line);
                        allocations.Add((appointment, line.PartNumber, line.Quantity));
                    }
                }
            }

            // "Your parts are in, see you on the day" is for visits still to come; a car in the workshop hears when it is ready.
            var ready = waiting.Where(a => a.AssessParts(calendar.Before(a.Date), now) == ReadinessChange.BecameReadyAfterWait && a.Status == AppointmentStatus.Booked).ToList();
            await notices.PartsReadyAsync(ready, cancellationToken);
            return new ReceiptResult((await db.ToViewsAsync([order], cancellationToken))[0],
                allocations.Select(a => new Allocation(a.Appointment.Id, a.PartNumber, a.Quantity, a.Appointment.Date, a.Appointment.Readiness == PartsReadiness.Ready)).ToList());
        }
    }
}
