using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Handover;

/// <summary>
/// Recurring job: the day before a collection, the customer gets a reminder. Keyed by order and slot, so
/// running it every hour sends each reminder once (and a moved collection gets its own).
/// </summary>
public sealed class CollectionReminders(DealershipDbContext db, Outbox outbox, UnitOfWork unit, TimeProvider clock)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bookings = await db.CollectionBookings.AsNoTracking()
            .Where(b => b.StartsAt > now && b.StartsAt < now.AddHours(48))
            .Join(db.Orders.Where(o => o.CancelledAt == null), b => b.OrderId, o => o.Id, (b, o) => new { b.StartsAt, Order = o })
            .ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        var customerIds = bookings.Select(b => b.Order.CustomerId).Distinct().ToList();
        var ownerIds = bookings.Select(b => b.Order.OwnerStaffId).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var queued = 0;
        foreach (var booking in bookings)
        {
            var site = sites[booking.Order.SiteId];
            var localStart = site.ToLocal(booking.StartsAt);
            if (DateOnly.FromDateTime(localStart) != DateOnly.FromDateTime(site.ToLocal(now)).AddDays(1))
            {
                continue;
            }

            var customer = customers[booking.Order.CustomerId];
            var owner = owners.GetValueOrDefault(booking.Order.OwnerStaffId, "");
            var data = new Dictionary<string, string>
            {
                ["vehicle"] = booking.Order.Vehicle.Describe(),
                ["when"] = TemplateFacts.Instant(booking.StartsAt),
                ["ownerName"] = owner,
            };
            queued += (await outbox.QueueAsync(customer, site.Id, MessageTemplates.CollectionReminder,
                $"order/{booking.Order.Id}/collection/{booking.StartsAt:yyyyMMddHHmm}/reminder", data, urgent: false, proactive: true, cancellationToken)).Count;
        }

        await unit.SaveAsync(cancellationToken);
        return queued;
    }
}
