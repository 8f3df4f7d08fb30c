using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Service;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Parts;

public sealed record PartsOrderLineView(Guid PartId, string PartNumber, string Description, int Quantity, long UnitCost, int Received, int Outstanding);

/// <summary>The order email to the supplier: queued, sent (when), or failing (the last error; retried with back-off, then dead).</summary>
public sealed record SupplierEmailView(string To, SupplierEmailStatus Status, DateTime? SentAt, int Attempts, string? LastError);

public sealed record PartsOrderView(Guid Id, Guid SiteId, string Reference, Guid SupplierId, string SupplierName, bool SupplierAutoSend, PartsOrderStatus Status,
    DateTime CreatedAt, bool CreatedByJob, DateTime? SentAt, DateOnly ExpectedEta, DateOnly? ConfirmedEta, DateTime? ReceivedAt, long Total,
    IReadOnlyList<PartsOrderLineView> Lines, SupplierEmailView? Email, long Version);

internal static class PartsOrderViews
{
    public static async Task<List<PartsOrderView>> ToViewsAsync(this DealershipDbContext db, IReadOnlyList<PartsOrder> orders, CancellationToken ct)
    {
        var ids = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var orderIds = orders.Select(o => o.Id).ToList();
        var emails = await db.SupplierEmails.AsNoTracking().Where(e => orderIds.Contains(e.PartsOrderId))
            .ToDictionaryAsync(e => e.PartsOrderId, e => new SupplierEmailView(e.To, e.Status, e.SentAt, e.Attempts, e.LastError), ct);
        return orders.Select(o => new PartsOrderView(o.Id, o.SiteId, o.Reference, o.SupplierId, suppliers[o.SupplierId].Name, suppliers[o.SupplierId].AutoSend, o.Status,
            o.CreatedAt, o.CreatedBy is null, o.SentAt, o.ExpectedEta, o.ConfirmedEta, o.ReceivedAt, o.Lines.Sum(l => l.UnitCost * l.Quantity),
            o.Lines.Select(l => new PartsOrderLineView(l.PartId, l.PartNumber, l.Description, l.Quantity, l.UnitCost, l.ReceivedQuantity, l.Outstanding)).ToList(),
            emails.GetValueOrDefault(o.Id), o.Version)).ToList();
    }

    public static async Task<PartsOrder> LoadAsync(this DealershipDbContext db, ICurrentStaff staff, Guid id, long? expectedVersion, CancellationToken ct)
    {
        var siteIds = staff.SiteIds.ToList();
        var order = await db.PartsOrders.FirstOrDefaultAsync(o => o.Id == id && siteIds.Contains(o.SiteId), ct) ?? throw new NotFoundException("Parts order", id);
        if (expectedVersion is { } expected && expected != order.Version)
        {
            throw new PreconditionFailedException("Parts order", expected, order.Version);
        }

        return order;
    }
}

/// <summary>Parts orders at the current site, newest first; ?status=draft|sent|confirmed|received, or open ones.</summary>
public static class ListPartsOrders
{
    public sealed record Query(PartsOrderStatus? Status, bool OpenOnly, int Page, int PageSize) : IQuery<PagedList<PartsOrderView>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<PartsOrderView>>
    {
        public async ValueTask<PagedList<PartsOrderView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var orders = db.PartsOrders.AsNoTracking().Where(o => o.SiteId == staff.SiteId);
            if (query.Status is { } status)
            {
                orders = orders.Where(o => o.Status == status);
            }
            else if (query.OpenOnly)
            {
                orders = orders.Where(o => o.Status != PartsOrderStatus.Received);
            }

            var page = await orders.OrderBy(o => o.Status == PartsOrderStatus.Draft ? 0 : 1).ThenByDescending(o => o.CreatedAt)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new PagedList<PartsOrderView>(await db.ToViewsAsync(page.Items, cancellationToken), page.Page, page.PageSize, page.Total);
        }
    }
}

/// <summary>The parts clerk approves a draft: it is emailed to the supplier through the outbox.</summary>
public static class SendPartsOrder
{
    public sealed record Command(Guid OrderId, long? ExpectedVersion) : ICommand<PartsOrderView>, IVersionedCommand;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, WaitingVisits waiting, TimeProvider clock) : ICommandHandler<Command, PartsOrderView>
    {
        public async ValueTask<PartsOrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadAsync(staff, command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var supplier = await db.Suppliers.AsNoTracking().FirstAsync(s => s.Id == order.SupplierId, cancellationToken);
            var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, cancellationToken);
            // The supplier's lead time runs from today, not from when the job drafted the order.
            if (order.Redate(new WorkingDays(site.OpenDays), DateOnly.FromDateTime(site.ToLocal(now))))
            {
                await waiting.ApplyEtaAsync([order], now, cancellationToken);
            }

            order.Send(staff.RequireStaffId(), now);
            db.SupplierEmails.Add(SupplierOrderEmail.For(order, supplier, site, now));
            return (await db.ToViewsAsync([order], cancellationToken))[0];
        }
    }
}

/// <summary>
/// Records the delivery date the supplier confirmed. Appointments waiting on the order are judged against
/// it at once: a date too late for a visit puts it at risk (advisor and customer told now, not at check-in).
/// </summary>
public static class ConfirmPartsOrder
{
    public sealed record Command(Guid OrderId, DateOnly Eta, long? ExpectedVersion) : ICommand<PartsOrderView>, IVersionedCommand;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff, WaitingVisits waiting, TimeProvider clock) : ICommandHandler<Command, PartsOrderView>
    {
        public async ValueTask<PartsOrderView> Handle(Command command, CancellationToken cancellationToken)
        {
            var order = await db.LoadAsync(staff, command.OrderId, command.ExpectedVersion, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            order.Confirm(command.Eta, now);
            await waiting.ApplyEtaAsync([order], now, cancellationToken);
            return (await db.ToViewsAsync([order], cancellationToken))[0];
        }
    }
}

/// <summary>
/// The visits waiting on parts orders whose date changed (confirmed by the supplier, or re-dated because
/// the order went out later than drafted): each is judged against the new date, and any that can no longer
/// have its parts in time is flagged to its advisor and customer at once.
/// </summary>
public sealed class WaitingVisits(DealershipDbContext db, ServiceNotices notices)
{
    public async Task ApplyEtaAsync(IReadOnlyList<PartsOrder> orders, DateTime now, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var ids = orders.Select(o => o.Id).ToList();
        var waiting = await db.Appointments.AsSplitQuery()
            .Where(a => a.Status == AppointmentStatus.Booked &&
                        a.PartLines.Any(l => l.PartsOrderId.HasValue && ids.Contains(l.PartsOrderId.Value) && l.State == PartLineState.OnOrder))
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var siteIds = waiting.Select(a => a.SiteId).Distinct().ToList();
        var calendars = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new WorkingDays(s.OpenDays), ct);
        var atRisk = new List<ServiceAppointment>();
        foreach (var appointment in waiting)
        {
            foreach (var order in orders.Where(o => appointment.PartLines.Any(l => l.PartsOrderId == o.Id)))
            {
                appointment.UpdateEta(order.Id, order.Eta);
            }

            if (appointment.AssessParts(calendars[appointment.SiteId].Before(appointment.Date), now) == ReadinessChange.BecameAtRisk)
            {
                atRisk.Add(appointment);
            }
        }

        await notices.PartsAtRiskAsync(atRisk, ct);
    }
}

/// <summary>
/// Books delivered parts in against an order, then gives them to the appointments waiting for that part in
/// date order (earliest visit first). Appointments whose every part is now on the shelf are ready; customers
/// who were waiting hear so.
/// </summary>
public static class ReceiveParts
{
    public sealed record Line(Guid PartId, int Quantity);

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
                    .Where(a => a.SiteId == order.SiteId && a.Status == AppointmentStatus.Booked &&
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

            var ready = waiting.Where(a => a.AssessParts(calendar.Before(a.Date), now) == ReadinessChange.BecameReadyAfterWait).ToList();
            await notices.PartsReadyAsync(ready, cancellationToken);
            return new ReceiptResult((await db.ToViewsAsync([order], cancellationToken))[0],
                allocations.Select(a => new Allocation(a.Appointment.Id, a.PartNumber, a.Quantity, a.Appointment.Date, a.Appointment.Readiness == PartsReadiness.Ready)).ToList());
        }
    }
}

/// <summary>What is short for which appointment at the current site: every line not yet on the shelf, earliest visit first.</summary>
public static class ListShortages
{
    public sealed record Shortage(Guid AppointmentId, DateTime StartsAt, DateOnly Date, string CustomerName, Guid AdvisorStaffId, Guid PartId, string PartNumber,
        string Description, int Quantity, PartLineState State, DateOnly? Eta, Guid? PartsOrderId, bool AtRisk);

    public sealed record Query(int Page, int PageSize) : IQuery<PagedList<Shortage>>, IPagedQuery;

    public sealed class Handler(DealershipDbContext db, ICurrentStaff staff) : IQueryHandler<Query, PagedList<Shortage>>
    {
        public async ValueTask<PagedList<Shortage>> Handle(Query query, CancellationToken cancellationToken)
        {
            var siteId = staff.SiteId;
            var shortages = db.Appointments.AsNoTracking()
                .Where(a => a.SiteId == siteId && a.Status == AppointmentStatus.Booked)
                .SelectMany(a => a.PartLines.Where(l => l.State != PartLineState.Reserved), (a, l) => new { a, l })
                .Join(db.Customers, x => x.a.CustomerId, c => c.Id, (x, c) => new { x.a, x.l, c.FirstName, c.LastName })
                .OrderBy(x => x.a.StartsAt).ThenBy(x => x.l.PartNumber)
                .Select(x => new Shortage(x.a.Id, x.a.StartsAt, x.a.Date, x.FirstName + " " + x.LastName, x.a.AdvisorStaffId,
                    x.l.PartId, x.l.PartNumber, x.l.Description, x.l.Quantity, x.l.State, x.l.Eta, x.l.PartsOrderId, x.a.Readiness == PartsReadiness.AtRisk));
            return await shortages.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        }
    }
}
