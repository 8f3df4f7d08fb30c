using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Custody;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Common;
using Dealership.Domain.Custody;
using Dealership.Domain.Handover;
using Dealership.Domain.Journey;
using Dealership.Domain.Notifications;
using Dealership.Domain.Promises;
using Dealership.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Service;

/// <summary>
/// The workshop's milestones reach the customer and the timeline, and move the visit's ready-by promise:
/// kept when the car is ready in time, renegotiated (before it fell due, the customer having seen the new
/// time before approving the work that moved it) or broken.
/// </summary>
public sealed partial class AppointmentSubscribers :
    IDomainEventSubscriber<WorkStarted>,
    IDomainEventSubscriber<InspectionRecorded>,
    IDomainEventSubscriber<ExtraWorkAnswered>,
    IDomainEventSubscriber<ReadyTimeMoved>,
    IDomainEventSubscriber<VisitReady>,
    IDomainEventSubscriber<VisitCollected>,
    IDomainEventSubscriber<AppointmentNoShow>
{
    private const string ReadyPromise = "readyForPickup";

    public async Task HandleAsync(WorkStarted domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        if (a.PromisedReadyAt is { } ready && ready > domainEvent.OccurredAt)
        {
            data["readyBy"] = TemplateFacts.Instant(ready);
        }

        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, true, "Work started in the workshop");
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceWorkStarted, $"appointment/{a.Id}/work-started", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(InspectionRecorded domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        var proposed = a.ExtraWork.Where(w => w.Status == ExtraWorkStatus.Proposed).ToList();
        if (proposed.Count > 0)
        {
            data["decisions"] = proposed.Count.ToString(CultureInfo.InvariantCulture);
            data["extraTotal"] = TemplateFacts.Amount(new Money(proposed.Sum(w => w.Total), site.Currency));
        }

        var green = a.Inspection.Count(f => f.Rating == InspectionRating.Green);
        var soon = a.Inspection.Count(f => f.Rating == InspectionRating.Soon);
        var now = a.Inspection.Count(f => f.Rating == InspectionRating.Now);
        var us = CultureInfo.GetCultureInfo("en-US");
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, true,
            $"Inspection: {green} green, {soon} soon, {now} now" + (proposed.Count == 0 ? "; nothing proposed"
                : $"; {proposed.Count} item(s) proposed, {new Money(proposed.Sum(w => w.Total), site.Currency).Format(us)}: {string.Join(", ", proposed.Select(w => w.Title))}"));
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceInspected, $"appointment/{a.Id}/inspected", data, urgent: proposed.Count > 0, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(ExtraWorkAnswered domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var site = await siteContext.OfRecordAsync(a.SiteId, cancellationToken);
        var work = domainEvent.Work;
        var price = new Money(work.Total, site.Currency).Format(CultureInfo.GetCultureInfo("en-US"));
        var how = domainEvent.Via switch
        {
            ChoiceChannel.TrackingPage => "on their page",
            ChoiceChannel.InPerson => "in person",
            ChoiceChannel.Phone => "by phone",
            ChoiceChannel.Text => "by text",
            _ => "by email",
        };
        var recorder = domainEvent.RecordedBy is { } staffId
            ? " (recorded by " + await staffNames.RequireNameOfAsync(staffId, cancellationToken) + ")"
            : "";
        Add(a, domainEvent.OccurredAt, TouchpointKind.CustomerReply, TouchpointDirection.Inbound, TouchpointActor.Customer, false,
            $"{(domainEvent.Approved ? "Approved" : "Declined")} {how}: {work.Title} ({price}){recorder}"
            + (!domainEvent.Approved && work.Urgency == InspectionRating.Now ? "; marked needs attention now, remembered for the next visit" : ""));
    }

    public async Task HandleAsync(ReadyTimeMoved domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        var open = await db.Promises.FirstOrDefaultAsync(p => p.SubjectType == "appointment" && p.SubjectId == a.Id && p.Milestone == ReadyPromise
            && p.State == PromiseState.Open, cancellationToken);
        open?.Renegotiate($"Moved to {Local(site, domainEvent.Next)}: {domainEvent.Reason}"
            + (domainEvent.TellCustomer ? "; the customer was told" : "; the customer saw the new time before approving"), domainEvent.OccurredAt);
        if (domainEvent.TellCustomer)
        {
            data["readyBy"] = TemplateFacts.Instant(domainEvent.Next);
            data["reason"] = domainEvent.Reason;
            await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceReadyMoved, $"appointment/{a.Id}/ready-moved/{domainEvent.Next:yyyyMMddHHmm}/v{a.Version}", data,
                urgent: true, proactive: true, cancellationToken);
        }

        var car = await db.Vehicles.FindAsync([a.VehicleId], cancellationToken) ?? throw new InvalidOperationException($"Visit {a.Id} has no vehicle.");
        var vehicle = $"{car.Make} {car.Model}";
        db.Promises.Add(new CustomerPromise(a.SiteId, a.CustomerId, a.AdvisorStaffId, $"{vehicle} ready for pickup", domainEvent.Next, PromiseKind.Manual,
            "appointment", a.Id, ReadyPromise, domainEvent.OccurredAt));
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, false,
            $"Ready time moved to {Local(site, domainEvent.Next)}: {domainEvent.Reason}");
    }

    public async Task HandleAsync(VisitReady domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        var bill = await bills.ForAsync(a, cancellationToken);
        data["total"] = TemplateFacts.Amount(new Money(bill.Total, bill.Currency));
        var local = site.ToLocal(domainEvent.OccurredAt);
        if (site.HoursOn(local.DayOfWeek) is { } hours && TimeOnly.FromDateTime(local) < hours.Closes)
        {
            data["closes"] = TemplateFacts.Instant(site.ToUtc(local.Date + hours.Closes.ToTimeSpan()));
        }

        var open = await db.Promises.FirstOrDefaultAsync(p => p.SubjectType == "appointment" && p.SubjectId == a.Id && p.Milestone == ReadyPromise
            && p.State == PromiseState.Open, cancellationToken);
        open?.Keep(domainEvent.OccurredAt, domainEvent.OccurredAt);
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, true,
            $"Ready for pickup; bill {new Money(bill.Total, bill.Currency).Format(CultureInfo.GetCultureInfo("en-US"))}"
            + (a.PromisedReadyAt is { } due && domainEvent.OccurredAt > due ? $" (promised {Local(site, due)}: late)" : ""));
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceReady, $"appointment/{a.Id}/ready", data, urgent: true, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(VisitCollected domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        var keys = await db.Custody.Where(c => c.SubjectType == CustodyRegister.VisitSubject && c.SubjectId == a.Id && c.Item == CustodyItem.KeySet)
            .Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
        data["keys"] = Math.Max(keys, 1).ToString(CultureInfo.InvariantCulture);
        data["paid"] = TemplateFacts.Amount(new Money(a.PaidAmount ?? 0, site.Currency));
        data["method"] = a.PaymentMethod switch
        {
            "Card" => "card",
            "Cash" => "cash",
            "Check" => "check",
            "CompanyCheck" => "company check",
            "BankTransfer" => "bank transfer",
            _ => "",
        };
        data["reference"] = a.PaymentReference ?? "";
        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Inbound, TouchpointActor.Customer, false,
            $"Collected; paid {new Money(a.PaidAmount ?? 0, site.Currency).Format(CultureInfo.GetCultureInfo("en-US"))} by {data["method"]}"
            + (a.PaymentReference is { } reference ? $" ({reference})" : "") + "; car and keys released");
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceCollected, $"appointment/{a.Id}/collected", data, urgent: true, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(AppointmentNoShow domainEvent, CancellationToken cancellationToken)
    {
        var a = domainEvent.Appointment;
        var (customer, site, data) = await FactsAsync(a, cancellationToken);
        // A reminder still waiting (quiet hours) would now be wrong.
        var prefix = $"appointment/{a.Id}/";
        foreach (var stale in await db.Notifications.Where(n => n.DeduplicationKey.StartsWith(prefix)
                     && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Deferred || n.Status == NotificationStatus.Failed)).ToListAsync(cancellationToken))
        {
            stale.Suppress(SuppressionReason.Withdrawn, domainEvent.OccurredAt);
        }

        Add(a, domainEvent.OccurredAt, TouchpointKind.StatusChanged, TouchpointDirection.Internal, TouchpointActor.Dealer, true,
            $"No-show for {Local(site, a.StartsAt)}; the day's time and reserved parts were released");
        await outbox.QueueAsync(customer, site.Id, MessageTemplates.ServiceNoShow, $"appointment/{a.Id}/no-show", data, urgent: false, proactive: true, cancellationToken);
    }
}
