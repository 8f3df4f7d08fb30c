using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Service;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// The day before a visit, the customer gets a reminder with a link where they confirm with a button (a
/// bare "YES" reply is an opt-in keyword to Twilio, so it cannot mean "I'll come") or pick another time.
/// Hourly; set-based; the de-duplication key makes re-runs send nothing twice.
/// </summary>
public sealed class ServiceReminders(DealershipDbContext db, Outbox outbox, UnitOfWork unit, TimeProvider clock)
{
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);
        if (sites.Count == 0)
        {
            return 0;
        }

        var tomorrow = sites.Values.ToDictionary(s => s.Id, s => DateOnly.FromDateTime(s.ToLocal(now)).AddDays(1));
        var (min, max) = (tomorrow.Values.Min(), tomorrow.Values.Max());
        var due = (await db.Appointments.AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Booked && !a.WalkIn && a.ConfirmedAt == null && a.Date >= min && a.Date <= max)
                .Select(a => new { a.Id, a.SiteId, a.CustomerId, a.VehicleId, a.AdvisorStaffId, a.StartsAt, a.Date })
                .ToListAsync(cancellationToken))
            .Where(a => a.Date == tomorrow[a.SiteId]).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var customerIds = due.Select(a => a.CustomerId).Distinct().ToList();
        var vehicleIds = due.Select(a => a.VehicleId).Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).Select(v => new { v.Id, v.Year, v.Make, v.Model }).ToDictionaryAsync(v => v.Id, v => Domain.Customers.Vehicle.ShortNameOf(v.Year, v.Make, v.Model), cancellationToken);
        var advisorIds = due.Select(a => a.AdvisorStaffId).Distinct().ToList();
        var advisors = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var declined = await Workshop.DeclinedWork.ForVehiclesAsync(db, vehicleIds, null, cancellationToken);
        var messages = due.Select(a =>
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["vehicle"] = vehicles.GetValueOrDefault(a.VehicleId, ""),
                ["when"] = TemplateFacts.Instant(a.StartsAt),
                ["advisorName"] = advisors.GetValueOrDefault(a.AdvisorStaffId, ""),
                ["declined"] = declined.TryGetValue(a.VehicleId, out var titles) ? string.Join(", ", titles).ToLowerInvariant() : "",
            };
            return new OutboxMessage(customers[a.CustomerId], a.SiteId, MessageTemplates.ServiceReminder, $"appointment/{a.Id}/reminder/{a.Date:yyyyMMdd}", data, Urgent: false, Proactive: true);
        }).ToList();
        var queued = await outbox.QueueManyAsync(messages, cancellationToken);
        await unit.SaveAsync(cancellationToken);
        return queued.Count;
    }
}
