using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Journey;
using Dealership.Domain.Service;

namespace Dealership.Application.Service;

/// <summary>
/// Every step of an appointment reaches the customer and the timeline: booked, moved (with the reason),
/// cancelled, confirmed by the customer, checked in with the promised-ready time. Rows only, in the same
/// transaction as the change.
/// </summary>
public sealed partial class AppointmentSubscribers(DealershipDbContext db, Outbox outbox, Workshop.WorkshopBills bills, Sites.SiteContext siteContext,
    Common.StaffNames staffNames) :
    IDomainEventSubscriber<AppointmentBooked>,
    IDomainEventSubscriber<AppointmentRescheduled>,
    IDomainEventSubscriber<AppointmentCancelled>,
    IDomainEventSubscriber<AttendanceConfirmed>,
    IDomainEventSubscriber<AppointmentCheckedIn>
{
    public async Task HandleAsync(AppointmentBooked domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        if (a.WalkIn)
        {
            Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Inbound, TouchpointActor.Customer, false, $"Walked in for service: {a.Concern}");
            return;
        }

        if (a.BookedByCustomer)
        {
            Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Inbound, TouchpointActor.Customer, false,
                $"Booked service on their page for {Local(site, a.StartsAt)}: {a.Concern}");
        }
        else
        {
            Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, true, $"Service booked for {Local(site, a.StartsAt)}: {a.Concern}");
        }

        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceBooked, $"appointment/{a.Id}/booked", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(AppointmentRescheduled domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        data["reason"] = domainEvent.Reason;
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, domainEvent.ByCustomer ? TouchpointDirection.Inbound : TouchpointDirection.Internal,
            domainEvent.ByCustomer ? TouchpointActor.Customer : TouchpointActor.Dealer, !domainEvent.ByCustomer,
            $"Service moved to {Local(site, a.StartsAt)}{(domainEvent.ByCustomer ? " (picked by the customer)" : "")}: {domainEvent.Reason}");
        var soon = a.Date <= DateOnly.FromDateTime(site.ToLocal(domainEvent.OccurredAt)).AddDays(1);
        // Keyed by the visit's saved version as well as the new time: a visit moved back to a time it had before is a
        // new move the customer must hear about (keyed by the time alone, that message was dropped as a repeat).
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceRescheduled, $"appointment/{a.Id}/moved/{a.StartsAt:yyyyMMddHHmm}/v{a.Version}", data,
            urgent: soon, proactive: !domainEvent.ByCustomer, cancellationToken);
    }

    public async Task HandleAsync(AppointmentCancelled domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, domainEvent.ByCustomer ? TouchpointDirection.Inbound : TouchpointDirection.Internal,
            domainEvent.ByCustomer ? TouchpointActor.Customer : TouchpointActor.Dealer, !domainEvent.ByCustomer, $"Service on {Local(site, a.StartsAt)} cancelled: {domainEvent.Reason}");
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceCancelled, $"appointment/{a.Id}/cancelled", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(AttendanceConfirmed domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (_, site, _) = await FactsAsync(a, cancellationToken);
        Add(a, domainEvent.OccurredAt, TouchpointKind.CustomerReply, TouchpointDirection.Inbound, TouchpointActor.Customer, false, $"Confirmed they will come on {Local(site, a.StartsAt)}");
    }

    public async Task HandleAsync(AppointmentCheckedIn domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        data["readyBy"] = TemplateFacts.Instant(a.PromisedReadyAt!.Value);
        // The check-in message is the custody receipt: the keys taken in the same command (not yet saved).
        if (db.Tracked<Domain.Custody.CustodyRecord>().FirstOrDefault(c => c.SubjectId == a.Id && c.Item == Domain.Custody.CustodyItem.KeySet) is { } keys)
        {
            data["keys"] = keys.Count.ToString(CultureInfo.InvariantCulture);
        }

        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Inbound, TouchpointActor.Customer, false,
            $"Checked in at {a.Mileage:N0} miles; ready promised {Local(site, a.PromisedReadyAt.Value)}; updates via {a.UpdatesContact}");
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceCheckedIn, $"appointment/{a.Id}/checked-in", data, urgent: true, proactive: true, cancellationToken);
    }

    /// <summary>A time as staff read it on the timeline: the site's wall clock, in US English.</summary>
    private static string Local(Domain.Sites.Site site, DateTime utc) => site.ToLocal(utc).ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    private void Add(ServiceAppointment a, DateTime at, TouchpointKind kind, TouchpointDirection direction, TouchpointActor actor, bool proactive, string summary) =>
        db.Touchpoints.Add(new Touchpoint(a.CustomerId, a.SiteId, at, kind, direction, actor, proactive, summary, subjectType: "appointment", subjectId: a.Id));

    private async Task<(Domain.Customers.Customer, Domain.Sites.Site, Dictionary<string, string>)> FactsAsync(ServiceAppointment a, CancellationToken ct)
    {
        // Copies the unit holds already (a booking read both) are not read again.
        var customer = await db.Customers.FindAsync([a.CustomerId], ct) ?? throw new InvalidOperationException($"Visit {a.Id} has no customer.");
        // The request's own site if it read it already (a booking has); a job's visit reads it here.
        var site = await siteContext.OfRecordAsync(a.SiteId, ct);
        var vehicle = (await db.Vehicles.FindAsync([a.VehicleId], ct) ?? throw new InvalidOperationException($"Visit {a.Id} has no vehicle.")).ShortName;
        var data = ServiceNotices.Base(a, vehicle);
        data["advisorName"] = await staffNames.NameOfAsync(a.AdvisorStaffId, ct) ?? throw new InvalidOperationException($"Visit {a.Id} has no advisor.");
        return (customer, site, data);
    }
}
