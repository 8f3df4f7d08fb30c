using System.Text.Json.Serialization;
using Dealership.Application.Common;
using Dealership.Application.Decisions;
using Dealership.Application.Orders;
using Dealership.Application.Parts;
using Dealership.Application.Service;
using Dealership.Domain.Decisions;
using Dealership.Domain.Service;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/service: catalogue, availability, appointments, the lane, check-in and recovery; /api/decisions.</summary>
public static class ServiceApi
{
    public sealed record RescheduleBody(DateTime StartsAt, Guid? AdvisorStaffId, string Reason);

    public sealed record CancelBody(string Reason);

    public sealed record CheckInBody(int Mileage, string? ConcernConfirmed, string UpdatesContact, DateTime PromisedReadyAt, int? Keys = null);

    public sealed record RecoveryBody([property: JsonRequired] DecisionAction Action, MoneyView? Amount, string Reason, DateTime? MoveTo);

    public static void MapServiceApi(this IEndpointRouteBuilder api)
    {
        var service = api.MapGroup("/service").WithTags("Service").RequireAuthorization(Policies.ReadService);

        service.MapGet("/operations", async (string? search, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOperations.Query(search, paging.Number, paging.Size), ct)))
            .WithSummary("The operation catalogue: code, description, labour minutes and the parts each needs.");

        service.MapPost("/operations", async (AddOperation.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var operation = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/service/operations/{operation.Id}", operation);
            })
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Add an operation to the group's catalogue (managers).");

        service.MapGet("/availability", async (DateOnly? from, DateOnly? to, int? labourMinutes, Guid? advisor, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            {
                // Two weeks unless told; a date too far out for that is left to the query's validation (400), not the calendar (500).
                var start = from ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
                var end = to ?? (start <= InputShape.LatestDate.AddDays(-13) ? start.AddDays(13) : start);
                return TypedResults.Ok(await mediator.Send(new GetAvailability.Query(start, end, labourMinutes, advisor), ct));
            })
            .WithSummary("Per day at the current site: workshop capacity left and each advisor's free drop-off times for ?labourMinutes=.");

        service.MapGet("/parts-check", async (string[]? operations, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CheckPartsForVisit.Query(operations ?? []), ct)))
            .WithSummary("Before offering a time: for ?operations=WIPER-MOTOR&operations=..., each part's stock, the earliest it can be here, and the earliest visit day that is not at risk.");

        service.MapGet("/appointments", async (DateOnly? from, DateOnly? to, Guid? customerId, string? status, string? readiness, [AsParameters] PageRequest paging,
                IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAppointments.Query(from, to, customerId, QueryValues.Enum<AppointmentStatus>(status, "status"),
                    QueryValues.Enum<PartsReadiness>(readiness, "readiness"), paging.Number, paging.Size), ct)))
            .WithSummary("Appointments at the current site; ?from=&to=&customerId=&status=booked|checkedIn|cancelled&readiness=atRisk|ready|ordered.");

        service.MapGet("/appointments/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var appointment = await mediator.Send(new GetAppointment.Query(id), ct);
                return ETags.With(TypedResults.Ok(appointment), appointment.Version);
            })
            .WithSummary("One appointment with its operations and where each part stands.");

        service.MapPost("/appointments", async (BookAppointment.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var appointment = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/service/appointments/{appointment.Id}", appointment), appointment.Version);
            })
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Book a visit (slot from the availability, or walkIn: true for now). Overbooking: 409. Parts are planned straight after.");

        service.MapPost("/appointments/{id:guid}/reschedule", async (Guid id, RescheduleBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var appointment = await mediator.Send(new RescheduleAppointment.Command(id, body.StartsAt, body.AdvisorStaffId, body.Reason, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(appointment), appointment.Version);
            })
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Move to another drop-off time, with the reason the customer is told.");

        service.MapPost("/appointments/{id:guid}/cancellation", async (Guid id, CancelBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var appointment = await mediator.Send(new CancelAppointment.Command(id, body.Reason, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(appointment), appointment.Version);
            })
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Cancel with a reason; labour and reserved parts are released.");

        service.MapPost("/appointments/{id:guid}/check-in", async (Guid id, CheckInBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var appointment = await mediator.Send(new CheckInAppointment.Command(id, body.Mileage, body.ConcernConfirmed, body.UpdatesContact, body.PromisedReadyAt,
                    ETags.ReadIfMatch(request), body.Keys), ct);
                return ETags.With(TypedResults.Ok(appointment), appointment.Version);
            })
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Check the car in: mileage, concern confirmed, contact for updates, promised-ready time (a promise in the ledger).");

        service.MapPost("/appointments/{id:guid}/recovery", async (Guid id, RecoveryBody body, IMediator mediator, CancellationToken ct) =>
            {
                var decision = await mediator.Send(new OfferRecovery.Command(id, body.Action, body.Amount, body.Reason, body.MoveTo), ct);
                return TypedResults.Created($"/api/decisions/{decision.Id}", decision);
            })
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Record a recovery gesture (reschedule with moveTo, loaner, goodwill, coupon, discount). Above your limit it awaits a manager.");

        service.MapGet("/lane", async (DateOnly? date, string? advisor, Guid? newTimesFor, IMediator mediator, ICurrentStaff staff, CancellationToken ct) =>
            {
                Guid? advisorId = advisor is null ? null
                    : string.Equals(advisor, "me", StringComparison.OrdinalIgnoreCase) ? staff.RequireStaffId()
                    : Guid.TryParse(advisor, out var parsed) ? parsed
                    : throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("advisor", "Use advisor=me or a staff id.")]);
                return TypedResults.Ok(await mediator.Send(new GetLane.Query(date, advisorId, newTimesFor), ct));
            })
            .WithSummary("The day's appointments at the current site with parts readiness per line (default today); ?advisor=me for your own; " +
                "?newTimesFor={visit id} adds the free times after the parts arrive for that visit, when it needs putting right and you may move it.");

        service.MapPost("/parts-planning", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RunPartsPlanning.Command(null), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Run the parts pre-ordering now (it also runs hourly and after every booking with parts).");

        api.MapGet("/decisions", async ([AsParameters] DecisionFilter filter, [AsParameters] PageRequest paging, IMediator mediator, ICurrentStaff staff, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDecisions.Query(filter.SubjectId, filter.CustomerId, QueryValues.Enum<DecisionStatus>(filter.Status, "status"),
                    paging.Number, paging.Size, QueryValues.Staff(filter.Staff, staff, "staff"), QueryValues.Enum<DecisionAction>(filter.Action, "action"),
                    QueryValues.Enum<DecisionOutcome>(filter.Outcome, "outcome")), ct)))
            .WithTags("Decisions")
            .RequireAuthorization(Policies.ReadDecisions)
            .WithSummary("Decisions at your sites (newest first): who decided what for whom, status and outcome. Filter by subjectId, customerId, status, staff (me or an id), action and outcome.");

        api.MapPost("/decisions", async (DecisionBody body, IMediator mediator, CancellationToken ct) =>
            {
                // One door for every decision; each subject's own command checks who may act on it (the visit's
                // advisor, the order's salesperson, the trade-in's deal) under the same limits.
                var decision = body.SubjectType switch
                {
                    "appointment" => await mediator.Send(new OfferRecovery.Command(body.SubjectId, body.Action, body.Amount, body.Reason ?? "", body.MoveTo, body.Why ?? DecisionReason.Delay), ct),
                    "order" => await mediator.Send(new DecideOnOrder.Command(body.SubjectId, body.Action, body.Amount, body.Reason ?? "", body.PaymentId, body.Why ?? DecisionReason.Other), ct),
                    "trade-in" => await mediator.Send(new DecideOnTradeIn.Command(body.SubjectId, body.Action, body.ExtendTo, body.Reason ?? "", body.Why ?? DecisionReason.Other), ct),
                    _ => throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("subjectType", "Use appointment, order or trade-in.")]),
                };
                return TypedResults.Created($"/api/decisions/{decision.Id}", decision);
            })
            .WithTags("Decisions")
            .RequireAuthorization(Policies.ReadDecisions)
            .WithSummary("Decide for a customer: on a visit (reschedule with moveTo, loaner, goodwill, coupon, discount), an order (priceAdjustment, feeWaiver, goodwill "
                + "with an amount; acceptCheck with paymentId) or a trade-in (extendOffer with extendTo). Within your limit it applies at once (status applied); "
                + "above it, it waits for a manager (status awaitingApproval), who is told at once.");

        api.MapPost("/decisions/{id:guid}/approval", async (Guid id, ApprovalBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AnswerDecision.Command(id, body.Approved, body.Reason), ct)))
            .WithTags("Decisions")
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Approve or decline a request above someone's limit (a decline needs the reason); the requester is told at once.");

        api.MapPost("/decisions/{id:guid}/outcome", async (Guid id, OutcomeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RecordDecisionOutcome.Command(id, body.Outcome, body.Note), ct)))
            .WithTags("Decisions")
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Record how a decision turned out where the system cannot know (customerKept, customerLost, noEffect); a customer who comes back is recorded automatically.");
    }

    public sealed record DecisionFilter(Guid? SubjectId, Guid? CustomerId, string? Status, string? Staff, string? Action, string? Outcome);

    public sealed record ApprovalBody([property: JsonRequired] bool Approved, string? Reason);

    /// <param name="Why">The kind of reason: ourMistake, delay, competitorMatch, loyalty, hardship or other (the words go in reason).</param>
    public sealed record DecisionBody(string? SubjectType, Guid SubjectId, [property: JsonRequired] DecisionAction Action, MoneyView? Amount, string? Reason, Guid? PaymentId,
        DateOnly? ExtendTo, DateTime? MoveTo, DecisionReason? Why);

    public sealed record OutcomeBody([property: JsonRequired] DecisionOutcome Outcome, string? Note);

    public sealed record PolicyBody(string Role, [property: JsonRequired] DecisionAction Action, [property: JsonRequired] bool Allowed, long? Limit, string Reason);

    /// <summary>/api/policies: the current site's discretionary limits per role and act, with their history.</summary>
    public static void MapPoliciesApi(this IEndpointRouteBuilder api)
    {
        var policies = api.MapGroup("/policies").WithTags("Decisions");
        policies.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetPolicies.Query(), ct)))
            .RequireAuthorization(Policies.ReadDecisions)
            .WithSummary("Limits per role and act at the current site (defaults where none is set), and the latest changes: who, when, why.");
        policies.MapPut("/", async (PolicyBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetPolicy.Command(body.Role ?? "", body.Action, body.Allowed, body.Limit, body.Reason ?? ""), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("Set one role's limit for one act (allowed, limit in cents or none for no cap) with the reason; kept in the history.");
    }
}
