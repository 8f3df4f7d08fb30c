using Dealership.Application.Data;
using Dealership.Domain.Orders;
using Dealership.Domain.Sites;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>A time the customer can come for their car (UTC, with its site-local wall-clock time for display).</summary>
public sealed record Slot(DateTime StartsAt, DateTime EndsAt, DateTime LocalStart, int FreeBays);

/// <summary>
/// Collection times come from the site's opening hours and delivery bays and from the owner's working hours,
/// blocked time and other collections: never from whatever suits the salesperson this weekend. The next
/// 14 days from tomorrow, one query each for bookings and availability.
/// </summary>
public sealed class CollectionSlots(DealershipDbContext db, TimeProvider clock)
{
    public const int DaysAhead = 14;

    public async Task<IReadOnlyList<Slot>> ForOrderAsync(VehicleOrder order, CancellationToken ct)
    {
        if (order.IsCancelled || order.Status < OrderMilestone.PreparedForDelivery || order.Status == OrderMilestone.Delivered || !order.ChecklistComplete)
        {
            return [];
        }

        var site = await db.Sites.AsNoTracking().FirstAsync(s => s.Id == order.SiteId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = now;
        var until = now.AddDays(DaysAhead + 1);
        var bookings = await db.CollectionBookings.AsNoTracking()
            .Where(b => b.SiteId == site.Id && b.StartsAt >= from && b.StartsAt < until && b.OrderId != order.Id)
            .Select(b => new { b.StartsAt, b.EndsAt, b.OwnerStaffId })
            .ToListAsync(ct);
        var availability = await db.StaffAvailability.AsNoTracking().FirstOrDefaultAsync(a => a.StaffId == order.OwnerStaffId, ct);

        var slots = new List<Slot>();
        var localToday = DateOnly.FromDateTime(site.ToLocal(now));
        for (var day = localToday.AddDays(1); day <= localToday.AddDays(DaysAhead); day = day.AddDays(1))
        {
            foreach (var hours in site.OpeningHours.Where(h => h.Day == day.DayOfWeek))
            {
                for (var start = hours.Opens; start.Add(TimeSpan.FromMinutes(site.CollectionMinutes)) <= hours.Closes && start >= hours.Opens; start = start.AddMinutes(site.CollectionMinutes))
                {
                    var localStart = day.ToDateTime(start);
                    var localEnd = localStart.AddMinutes(site.CollectionMinutes);
                    var startsAt = ToUtc(site, localStart);
                    var endsAt = ToUtc(site, localEnd);
                    var overlapping = bookings.Where(b => b.StartsAt < endsAt && b.EndsAt > startsAt).ToList();
                    var freeBays = site.DeliveryBays - overlapping.Count;
                    var ownerBusy = overlapping.Any(b => b.OwnerStaffId == order.OwnerStaffId);
                    var ownerAvailable = availability?.IsAvailable(localStart, localEnd, startsAt, endsAt) ?? true;
                    if (freeBays > 0 && !ownerBusy && ownerAvailable)
                    {
                        slots.Add(new Slot(startsAt, endsAt, localStart, freeBays));
                    }

                    if (start.AddMinutes(site.CollectionMinutes) < start)
                    {
                        break; // wrapped past midnight
                    }
                }
            }
        }

        return slots;
    }

    /// <summary>The lowest-numbered bay free for the whole slot, or null if every bay is taken.</summary>
    public async Task<int?> FreeBayAsync(Site site, Guid orderId, DateTime startsAt, DateTime endsAt, CancellationToken ct)
    {
        var taken = await db.CollectionBookings.AsNoTracking()
            .Where(b => b.SiteId == site.Id && b.OrderId != orderId && b.StartsAt < endsAt && b.EndsAt > startsAt)
            .Select(b => b.Bay).ToListAsync(ct);
        for (var bay = 1; bay <= site.DeliveryBays; bay++)
        {
            if (!taken.Contains(bay))
            {
                return bay;
            }
        }

        return null;
    }

    private static DateTime ToUtc(Site site, DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), site.TimeZone);
}
