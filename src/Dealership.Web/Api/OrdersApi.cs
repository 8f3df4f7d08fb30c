using System.Text.Json.Serialization;
using Dealership.Application.Common;
using Dealership.Application.Orders;
using Dealership.Domain.Orders;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/orders and /api/deliveries/board. Salespeople change their own orders; others at the site read them.</summary>
public static class OrdersApi
{
    public sealed record MilestoneBody([property: JsonRequired] OrderMilestone Milestone, DateTime? ReachedAt);

    public sealed record PromiseBody(DateOnly PromisedDate, string Reason);

    public sealed record CancellationBody(string Reason);

    public sealed record ChecklistBody([property: JsonRequired] bool Done);

    public sealed record CollectionBody(DateTime StartsAt, Dealership.Domain.Handover.ChoiceChannel ToldUsBy);

    public sealed record ProposalBody(IReadOnlyList<DateTime>? StartsAt);

    /// <summary>The handover: the new car's keys, and (when the deal has one) the trade-in as it is handed over.</summary>
    public sealed record DeliveryBody(int NewCarKeys, DeliverOrder.TradeInHandoverInput? TradeIn, string? PayoutReference);

    public sealed record RescissionBody(string Reason);

    public sealed record PaymentBody([property: JsonRequired] PaymentMethod Method, MoneyView Amount, string? Reference, PaymentStatus? Status);

    public sealed record SettlementBody([property: JsonRequired] SettleAction Action, string? Note);

    public static void MapOrdersApi(this IEndpointRouteBuilder api)
    {
        var orders = api.MapGroup("/orders").WithTags("Orders").RequireAuthorization(Policies.ReadOrders);

        orders.MapPost("/", async (PlaceOrder.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/orders/{order.Id}", order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Place a factory order at the current site (price and fees in cents, promised dates per milestone).");

        orders.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new GetOrder.Query(id), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .WithSummary("One order: milestones promised vs actual, checklist, payments, balance due.");

        orders.MapGet("/", async (string? status, [AsParameters] OwnerQuery owner, [AsParameters] PageRequest paging, IMediator mediator, ICurrentStaff staff, CancellationToken ct) =>
            {
                var cancelled = string.Equals(status, "cancelled", StringComparison.OrdinalIgnoreCase) ? true : (bool?)null;
                var milestone = cancelled is null ? QueryValues.Enum<OrderMilestone>(status, "status") : null;
                var ownerId = owner.Resolve(staff);
                return TypedResults.Ok(await mediator.Send(new ListOrders.Query(milestone, cancelled, ownerId, paging.Number, paging.Size), ct));
            })
            .WithSummary("Orders at your sites; ?status=arrivedAtDealership|...|cancelled&owner=me.");

        orders.MapPost("/{id:guid}/milestones", async (Guid id, MilestoneBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new RecordMilestone.Command(id, body.Milestone, body.ReachedAt, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Record the next milestone (up to preparedForDelivery) with its actual time. Out of order or repeated: 409.");

        orders.MapPut("/{id:guid}/promises/{milestone}", async (Guid id, string milestone, PromiseBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var which = QueryValues.Enum<OrderMilestone>(milestone, "milestone") ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("milestone", "Name the milestone.")]);
                var order = await mediator.Send(new ChangePromisedDate.Command(id, which, body.PromisedDate, body.Reason, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Change a milestone's promised date; the reason is required and told to the customer.");

        orders.MapPost("/{id:guid}/cancellation", async (Guid id, CancellationBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new CancelOrder.Command(id, body.Reason, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Cancel before delivery, with a reason; the answer shows deposits to refund.");

        orders.MapPut("/{id:guid}/checklist/{item}", async (Guid id, string item, ChecklistBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var which = QueryValues.Enum<ChecklistItem>(item, "item") ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("item", "Name the checklist item.")]);
                var order = await mediator.Send(new SetChecklistItem.Command(id, which, body.Done, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Tick or untick a readiness item: preDeliveryInspection, fundsArranged, insuranceProof, registrationPaperwork. If-Match supported.");

        orders.MapPost("/{id:guid}/payments", async (Guid id, PaymentBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new RecordPayment.Command(id, body.Method, body.Amount, body.Reference, body.Status, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Created($"/api/orders/{id}", order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Record a payment (deposit or balance) with method and reference. If-Match supported.");

        orders.MapPost("/{id:guid}/payments/{paymentId:guid}/settlement", async (Guid id, Guid paymentId, SettlementBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new SettlePayment.Command(id, paymentId, body.Action, body.Note, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("A pending check or transfer: verify (called the issuing bank; it counts from now), cleared, or bounced, with a note. Managers.");

        orders.MapGet("/{id:guid}/collection-slots", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.GetCollectionSlots.Query(id), ct)))
            .WithSummary("Open collection times for the next 14 days (empty until the car is prepared and the checklist complete).");

        orders.MapPost("/{id:guid}/collection", async (Guid id, CollectionBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.BookCollectionSlot.Command(id, body.StartsAt, body.ToldUsBy), ct)))
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Record the collection time the customer told you they chose, and how they told you (toldUsBy: phone, inPerson, text, email). A taken slot is 409; moving it frees the old slot. To suggest times, use collection-proposals.");

        orders.MapPost("/{id:guid}/collection-proposals", async (Guid id, ProposalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Dealership.Application.Handover.ProposeCollectionTimes.Command(id, body.StartsAt ?? []), ct)))
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Suggest one to three open times; the customer is told and picks one on their page (never imposed).");

        orders.MapPost("/{id:guid}/delivery", async (Guid id, DeliveryBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new DeliverOrder.Command(id, ETags.ReadIfMatch(request), body.NewCarKeys, body.TradeIn, body.PayoutReference), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteOrders)
            .WithSummary("Hand the car over and swap the trade-in in one atomic step: needs the booking, the complete checklist and the balance settled " +
                "(allowance and payoff included). With a trade-in, tradeIn {mileage, conditionConfirmed, keysReceived, titleReceived} is checked against the accepted offer; " +
                "if anything fails, nothing changes. If-Match supported.");

        orders.MapGet("/{id:guid}/balance", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOrderBalance.Query(id), ct)))
            .WithSummary("The deal's balance line by line: price, fees, sales tax, payments (pending apart), trade-in allowance, payoff; negative equity shown; due > 0 to pay, < 0 owed to the customer.");

        orders.MapPost("/{id:guid}/rescission", async (Guid id, RescissionBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new RescindDelivery.Command(id, body.Reason, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Cancel a delivered deal inside the site's cancellation window: refunds, and the trade-in back to the customer (or, if sold, the greater of its market value and allowance refunded). Managers.");

        api.MapGet("/deliveries/board", async (string? attention, [AsParameters] OwnerQuery owner, [AsParameters] PageRequest paging, IMediator mediator, ICurrentStaff staff,
                CancellationToken ct) =>
            {
                var only = QueryValues.Enum<GetDeliveriesBoard.Attention>(attention, "attention");
                var ownerId = owner.Resolve(staff);
                return TypedResults.Ok(await mediator.Send(new GetDeliveriesBoard.Query(ownerId, paging.Number, paging.Size, only), ct));
            })
            .RequireAuthorization(Policies.ReadOrders)
            .WithTags("Orders")
            .WithSummary("Active orders at the current site, what needs attention first (late, silent, arrived but not scheduled), a page at a time; the counts cover every active order. " +
                "?attention=late|silent|arrivedNotScheduled|scheduledToday|onTrack pages that kind only (matching and pageCount count it).");
    }
}
