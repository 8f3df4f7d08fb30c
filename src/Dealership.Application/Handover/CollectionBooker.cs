using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Domain.Handover;
using Dealership.Domain.Common;
using Dealership.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>Shared by both ways of booking: checks the time is still open, takes a free bay, frees the old slot.</summary>
public sealed class CollectionBooker(DealershipDbContext db, UnitOfWork unit, CollectionSlots slots, TimeProvider clock)
{
    public async Task<CollectionBooking> BookAsync(VehicleOrder order, DateTime startsAt, ChoiceChannel statedVia, Guid? recordedBy, CancellationToken ct)
    {
        var start = DateTime.SpecifyKind(startsAt.ToUniversalTime(), DateTimeKind.Utc);
        var open = await slots.ForOrderAsync(order, ct);
        var slot = open.FirstOrDefault(s => s.StartsAt == start);
        if (slot is null)
        {
            if (order.Status < OrderMilestone.PreparedForDelivery || !order.ChecklistComplete)
            {
                // Let the order explain what is missing (prepared for delivery, checklist).
                order.ScheduleCollection(start, DateOnly.FromDateTime(start), reschedule: false, statedVia, recordedBy, clock.GetUtcNow().UtcDateTime);
            }

            throw new DomainRuleException("That time is not available (taken, outside opening hours, or the salesperson is away). Choose one of the open times.", "slot-unavailable");
        }

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, ct);
        var bay = await slots.FreeBayAsync(site, order.Id, slot.StartsAt, slot.EndsAt, ct)
            ?? throw new DomainRuleException("That time was just taken. Choose another.", "slot-taken");
        var previous = await db.CollectionBookings.FirstOrDefaultAsync(b => b.OrderId == order.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (previous is not null)
        {
            db.CollectionBookings.Remove(previous);
            await unit.SaveAsync(ct); // frees the old slot inside this transaction before taking the new one
        }

        var booking = new CollectionBooking(order.Id, order.SiteId, order.OwnerStaffId, bay, slot.StartsAt, slot.EndsAt, statedVia, recordedBy, now);
        db.CollectionBookings.Add(booking);
        order.ScheduleCollection(slot.StartsAt, DateOnly.FromDateTime(slot.LocalStart), reschedule: previous is not null, statedVia, recordedBy, now);
        return booking;
    }
}
