using System.Globalization;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Dealership.Application.Notifications;
using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Common;
using Dealership.Domain.Journey;
using Dealership.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Application.Orders;

/// <summary>
/// Every step of an order reaches the customer and the timeline: placed, each milestone, each promise
/// change (with its reason), cancellation. Rows only, in the same transaction as the change.
/// </summary>
public sealed class OrderSubscribers(DealershipDbContext db, Outbox outbox, ICurrentStaff staff, StaffNames staffNames, Sites.SiteContext siteContext) :
    IDomainEventSubscriber<OrderPlaced>,
    IDomainEventSubscriber<MilestoneReached>,
    IDomainEventSubscriber<PromisedDateChanged>,
    IDomainEventSubscriber<OrderCancelled>,
    IDomainEventSubscriber<CollectionBooked>,
    IDomainEventSubscriber<OrderDelivered>,
    IDomainEventSubscriber<CollectionTimesProposed>,
    IDomainEventSubscriber<ChecklistItemChanged>
{
    /// <summary>
    /// The last open checklist item of a prepared car was ticked: collection times open now, so now (and only
    /// now) the customer is invited to pick one. Once per order.
    /// </summary>
    public async Task HandleAsync(ChecklistItemChanged domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        if (!domainEvent.Done || !order.ChecklistComplete || order.Status != OrderMilestone.PreparedForDelivery || !order.IsActive)
        {
            return;
        }

        var (customer, data) = await FactsAsync(order, cancellationToken);
        data["milestone"] = "preparedForDelivery";
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, "Ready to hand over: the customer is invited to pick a collection time");
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderMilestone, $"order/{order.Id}/collection-open", data,
            urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(CollectionTimesProposed domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        var site = await siteContext.OfRecordAsync(order.SiteId, cancellationToken);
        data["times"] = TemplateFacts.Instants(domainEvent.Times);
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, "Collection times proposed for the customer to choose from: " +
            string.Join(", ", domainEvent.Times.Select(t => site.ToLocal(t).ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US")))));
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.CollectionProposed, $"order/{order.Id}/collection-proposed/{domainEvent.OccurredAt.Ticks}", data,
            urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(CollectionBooked domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        var site = await siteContext.OfRecordAsync(order.SiteId, cancellationToken);
        var local = site.ToLocal(domainEvent.StartsAt);
        data["when"] = TemplateFacts.Instant(domainEvent.StartsAt);
        var recorder = domainEvent.RecordedBy is { } staffId
            ? await staffNames.NameOfAsync(staffId, cancellationToken)
            : null;
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged,
            $"Collection {(domainEvent.Rescheduled ? "moved to" : "booked for")} {local.ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"))} ({HowChosen(domainEvent.StatedVia, recorder)})");
        var sameDay = DateOnly.FromDateTime(local) <= DateOnly.FromDateTime(site.ToLocal(domainEvent.OccurredAt)).AddDays(1);
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.CollectionBooked, $"order/{order.Id}/collection/{domainEvent.StartsAt:yyyyMMddHHmm}", data,
            urgent: sameDay, proactive: false, cancellationToken);
    }

    /// <summary>The timeline tells the truth about who chose: the customer on their page, or the customer's stated choice as recorded by a person.</summary>
    internal static string HowChosen(Domain.Handover.ChoiceChannel via, string? recordedBy) => via switch
    {
        Domain.Handover.ChoiceChannel.TrackingPage => "picked by the customer on their tracking page",
        Domain.Handover.ChoiceChannel.Phone => $"the customer's choice, told to {recordedBy ?? "staff"} by phone",
        Domain.Handover.ChoiceChannel.InPerson => $"the customer's choice, told to {recordedBy ?? "staff"} in person",
        Domain.Handover.ChoiceChannel.Text => $"the customer's choice, told to {recordedBy ?? "staff"} by text",
        Domain.Handover.ChoiceChannel.Email => $"the customer's choice, told to {recordedBy ?? "staff"} by email",
        _ => "the customer's choice",
    };

    public async Task HandleAsync(OrderDelivered domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        var handedOverBy = await staffNames.RequireNameOfAsync(domainEvent.HandedOverBy, cancellationToken);
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, $"Delivered: keys to the new {order.Vehicle.Describe()} handed over by {handedOverBy}");
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderDelivered, $"order/{order.Id}/delivered", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(OrderPlaced domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        data["nextDate"] = TemplateFacts.Day(order.MilestoneOf(OrderMilestone.FactoryConfirmed).PromisedDate);
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, $"Order placed: {order.Vehicle.Describe()}");
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderPlaced, $"order/{order.Id}/placed", data, urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(MilestoneReached domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        data["milestone"] = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(domainEvent.Milestone.ToString());
        var next = domainEvent.Milestone + 1;
        data["nextDate"] = next <= OrderMilestone.Delivered ? TemplateFacts.Day(order.MilestoneOf(next).PromisedDate) : "";
        if (domainEvent.Milestone == OrderMilestone.PreparedForDelivery && !order.ChecklistComplete)
        {
            // Times open only with the checklist complete: say what is still being done instead of inviting a
            // choice the page cannot offer. The invitation follows when the last item is ticked.
            var open = order.Checklist.Where(c => !c.IsDone).ToList();
            data["stillOpen"] = TemplateFacts.Names(open.Select(c => c.Item));
            data["fromCustomer"] = open.Any(c => c.NeedsCustomer) ? "yes" : "";
        }

        // Recorded after the fact ("arrived yesterday 4 PM"): the timeline says when it really happened.
        var late = domainEvent.OccurredAt - domainEvent.ReachedAt > TimeSpan.FromMinutes(15)
            ? $" (happened {(await siteContext.OfRecordAsync(order.SiteId, cancellationToken)).ToLocal(domainEvent.ReachedAt).ToString("ddd, MMM d 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"))})"
            : "";
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, $"{VehicleOrder.Describe(domainEvent.Milestone)}: {order.Vehicle.Describe()}{late}");
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderMilestone, $"order/{order.Id}/milestone/{data["milestone"]}", data,
            urgent: false, proactive: true, cancellationToken);
    }

    public async Task HandleAsync(PromisedDateChanged domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        data["milestone"] = domainEvent.Milestone.ToString();
        data["newDate"] = TemplateFacts.Day(domainEvent.Promised);
        data["oldDate"] = TemplateFacts.Day(domainEvent.Previous);
        data["reason"] = domainEvent.Reason;
        if (domainEvent.Shifted.Count > 0)
        {
            // One message for the whole new plan: the last milestone that moved says where it ends.
            var (last, lastDate) = domainEvent.Shifted[^1];
            data["knockOnMilestone"] = last.ToString();
            data["knockOnDate"] = TemplateFacts.Day(lastDate);
        }

        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.PromiseChanged,
            $"{VehicleOrder.Describe(domainEvent.Milestone)} now promised for {Readable.Day(domainEvent.Promised)} (was {Readable.Day(domainEvent.Previous, "not set")}): {domainEvent.Reason}" +
            string.Concat(domainEvent.Shifted.Select(m => $"; {VehicleOrder.Describe(m.Milestone).ToLowerInvariant()} moved with it to {Readable.Day(m.Promised)}")));
        // Same-day changes are urgent: the customer may be planning around the old date today.
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderPromiseChanged,
            $"order/{order.Id}/promise/{CustomerPhrases.EnglishName(domainEvent.Milestone).Replace(' ', '-')}/{domainEvent.OccurredAt.Ticks}", data,
            urgent: domainEvent.Previous is { } previous && previous <= DateOnly.FromDateTime(domainEvent.OccurredAt.AddDays(1)), proactive: true, cancellationToken);
    }

    public async Task HandleAsync(OrderCancelled domainEvent, CancellationToken cancellationToken)
    {
        var order = domainEvent.Order;
        var (customer, data) = await FactsAsync(order, cancellationToken);
        data["refund"] = TemplateFacts.Amount(domainEvent.Refundable);
        AddTouchpoint(order, domainEvent.OccurredAt, TouchpointKind.StatusChanged, $"Order cancelled: {domainEvent.Reason}");
        await outbox.QueueAsync(customer, order.SiteId, MessageTemplates.OrderCancelled, $"order/{order.Id}/cancelled", data, urgent: false, proactive: true, cancellationToken);
    }

    private async Task<(Domain.Customers.Customer Customer, Dictionary<string, string> Data)> FactsAsync(VehicleOrder order, CancellationToken ct)
    {
        var customer = await db.Customers.FirstAsync(c => c.Id == order.CustomerId, ct);
        var owner = await staffNames.NameOfAsync(order.OwnerStaffId, ct) ?? throw new InvalidOperationException($"Order {order.Id} has no owner.");
        return (customer, new Dictionary<string, string> { ["vehicle"] = order.Vehicle.Describe(), ["ownerName"] = owner, ["orderId"] = order.Id.ToString() });
    }

    private void AddTouchpoint(VehicleOrder order, DateTime at, TouchpointKind kind, string summary) =>
        db.Touchpoints.Add(new Touchpoint(order.CustomerId, order.SiteId, at, kind, TouchpointDirection.Internal, TouchpointActor.Dealer, proactive: true,
            summary, staff.StaffId, "order", order.Id));
}
