using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Journey;
using Dealership.Domain.Parts;
using Dealership.Domain.Service;
using Dealership.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// Tells the advisor and the customer when parts decide an appointment's fate: at risk (a task for the
/// advisor, an honest message with new times to pick for the customer) or ready after a wait. Works on a
/// whole batch with a constant number of queries, because the pre-ordering job may find hundreds at once.
/// </summary>
public sealed class ServiceNotices(DealershipDbContext db, Outbox outbox, TimeProvider clock)
{
    public async Task PartsAtRiskAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        if (appointments.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(appointments, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var taskKeys = appointments.Select(TaskKey).ToList();
        var existingTasks = (await db.Tasks.Where(t => taskKeys.Contains(t.DeduplicationKey!)).Select(t => t.DeduplicationKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var messages = new List<OutboxMessage>();
        foreach (var appointment in appointments)
        {
            var (customer, site, vehicle) = facts[appointment.Id];
            var calendar = new WorkingDays(site.OpenDays);
            var partsBy = appointment.PartsExpectedBy();
            var missing = appointment.PartLines.Where(l => l.State == PartLineState.NoSupplier || (l.State == PartLineState.OnOrder && l.Eta > calendar.Before(appointment.Date)))
                .Select(l => l.State == PartLineState.NoSupplier ? $"{l.PartNumber} {l.Description} (no supplier carries it)" : $"{l.PartNumber} {l.Description} (expected {l.Eta:ddd d MMM})")
                .ToList();
            var local = site.ToLocal(appointment.StartsAt);
            if (existingTasks.Add(TaskKey(appointment)))
            {
                db.Tasks.Add(new StaffTask(appointment.SiteId, appointment.AdvisorStaffId,
                    $"Parts will not make it: {customer.FirstName} {customer.LastName}, {local:ddd d MMM h:mm tt}",
                    $"{string.Join("; ", missing)}. The customer has been told and offered new times on their tracking page; call them if they have not picked one by tomorrow.",
                    site.AddOpenTime(now, TimeSpan.FromHours(4)), "appointment", appointment.Id, [appointment.CustomerId], now, TaskKey(appointment)));
            }

            db.Touchpoints.Add(new Touchpoint(appointment.CustomerId, appointment.SiteId, now, TouchpointKind.StatusChanged, TouchpointDirection.Internal,
                TouchpointActor.Dealer, proactive: true, $"Service {local:ddd d MMM} at risk: {string.Join("; ", missing)}", subjectType: "appointment", subjectId: appointment.Id));
            var data = Base(appointment, vehicle);
            data["when"] = TemplateFacts.Day(appointment.Date);
            data["partsBy"] = TemplateFacts.Day(partsBy);
            data["advisorName"] = facts.AdvisorName(appointment.AdvisorStaffId);
            // Urgent when the visit is within two days: they may be planning their day around it already.
            messages.Add(new OutboxMessage(customer, appointment.SiteId, MessageTemplates.ServiceAtRisk, $"appointment/{appointment.Id}/at-risk/{appointment.Date:yyyyMMdd}", data,
                Urgent: appointment.Date <= DateOnly.FromDateTime(site.ToLocal(now)).AddDays(2), Proactive: true));
        }

        await outbox.QueueManyAsync(messages, ct);
    }

    public async Task PartsReadyAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        if (appointments.Count == 0)
        {
            return;
        }

        var facts = await FactsAsync(appointments, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = new List<OutboxMessage>();
        foreach (var appointment in appointments)
        {
            var (customer, site, vehicle) = facts[appointment.Id];
            var local = site.ToLocal(appointment.StartsAt);
            db.Touchpoints.Add(new Touchpoint(appointment.CustomerId, appointment.SiteId, now, TouchpointKind.StatusChanged, TouchpointDirection.Internal,
                TouchpointActor.Dealer, proactive: true, $"All parts in for the {local:ddd d MMM} service", subjectType: "appointment", subjectId: appointment.Id));
            var data = Base(appointment, vehicle);
            data["advisorName"] = facts.AdvisorName(appointment.AdvisorStaffId);
            messages.Add(new OutboxMessage(customer, appointment.SiteId, MessageTemplates.ServicePartsReady, $"appointment/{appointment.Id}/parts-ready/{appointment.Date:yyyyMMdd}", data,
                Urgent: false, Proactive: true));
        }

        await outbox.QueueManyAsync(messages, ct);
    }

    /// <summary>The facts every visit message has: the car and the drop-off time (raw; formatted for the reader when sent).</summary>
    public static Dictionary<string, string> Base(ServiceAppointment appointment, string vehicle)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["vehicle"] = vehicle,
            ["when"] = TemplateFacts.Instant(appointment.StartsAt),
        };
    }

    private static string TaskKey(ServiceAppointment a) => $"appointment/{a.Id}/at-risk/{a.Date:yyyyMMdd}";

    private async Task<NoticeFacts> FactsAsync(IReadOnlyList<ServiceAppointment> appointments, CancellationToken ct)
    {
        var customerIds = appointments.Select(a => a.CustomerId).ToHashSet();
        var vehicleIds = appointments.Select(a => a.VehicleId).Distinct().ToList();
        var siteIds = appointments.Select(a => a.SiteId).Distinct().ToList();
        var advisorIds = appointments.Select(a => a.AdvisorStaffId).Distinct().ToList();
        // A customer this unit already holds is that copy (a change made earlier in the unit reads as made); the rest are
        // only read here, so they are not tracked: a run telling 3,833 customers paid EF's identity map and scan for
        // changes over each (issue #14).
        var customers = db.Tracked<Domain.Customers.Customer>().Where(c => customerIds.Contains(c.Id)).ToDictionary(c => c.Id);
        var unheld = customerIds.Where(id => !customers.ContainsKey(id)).ToList();
        if (unheld.Count > 0)
        {
            foreach (var customer in await db.Customers.AsNoTracking().Where(c => unheld.Contains(c.Id)).ToListAsync(ct))
            {
                customers[customer.Id] = customer;
            }
        }

        var vehicles = await db.Vehicles.AsNoTracking().Where(v => vehicleIds.Contains(v.Id)).Select(v => new { v.Id, v.Year, v.Make, v.Model }).ToDictionaryAsync(v => v.Id, v => Domain.Customers.Vehicle.ShortNameOf(v.Year, v.Make, v.Model), ct);
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var advisors = await db.Users.AsNoTracking().Where(u => advisorIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new NoticeFacts(appointments.ToDictionary(a => a.Id, a => (customers[a.CustomerId], sites[a.SiteId], vehicles.GetValueOrDefault(a.VehicleId, "car"))), advisors);
    }

    private sealed class NoticeFacts(Dictionary<Guid, (Domain.Customers.Customer, Domain.Sites.Site, string)> byAppointment, Dictionary<Guid, string> advisors)
    {
        public (Domain.Customers.Customer Customer, Domain.Sites.Site Site, string Vehicle) this[Guid appointmentId] => byAppointment[appointmentId];

        public string AdvisorName(Guid id) => advisors.GetValueOrDefault(id, "Your service advisor");
    }
}
