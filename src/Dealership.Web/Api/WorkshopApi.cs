using System.Text.Json.Serialization;
using Dealership.Application.Orders;
using Dealership.Application.Workshop;
using Dealership.Domain.Handover;
using Dealership.Domain.Orders;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>
/// /api/service/…: the visit after check-in. Technicians and advisors work the board, inspect, start and finish;
/// advisors record the customer's answers and take payment at collection (the customer answers on their page).
/// </summary>
public static class WorkshopApi
{
    public sealed record InspectionBody(IReadOnlyList<RecordInspection.Finding> Findings);

    public sealed record AnswerBody([property: JsonRequired] bool Approved, ChoiceChannel ToldUsBy);

    public sealed record ReadyTimeBody(DateTime ReadyAt, string Reason);

    public sealed record CollectionBody([property: JsonRequired] PaymentMethod Method, MoneyView Amount, string? Reference, bool Pending = false, string? CollectedBy = null);

    public static void MapWorkshopApi(this IEndpointRouteBuilder api)
    {
        var workshop = api.MapGroup("/service").WithTags("Workshop").RequireAuthorization(Policies.Workshop);

        workshop.MapGet("/workshop", async ([AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetWorkshopBoard.Query(paging.Number, paging.Size), ct)))
            .WithSummary("The workshop board for the current site: checked in, in progress, waiting for the customer's approval, ready; with times against promises.");

        workshop.MapGet("/appointments/{id:guid}/workshop", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var visit = await mediator.Send(new GetWorkshopVisit.Query(id), ct);
                return ETags.With(TypedResults.Ok(visit), visit.Version);
            })
            .WithSummary("A visit in the workshop: stage, inspection, proposed extra work with the customer's answers, and the bill (not for technicians).");

        workshop.MapPost("/appointments/{id:guid}/start", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new StartWork.Command(id, ETags.ReadIfMatch(request)), ct)))
            .WithSummary("Start work on a checked-in car; the customer is told.");

        workshop.MapPost("/appointments/{id:guid}/inspection", async (Guid id, InspectionBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new RecordInspection.Command(id, body.Findings ?? [], ETags.ReadIfMatch(request)), ct)))
            .WithSummary("Record the multi-point inspection (green / soon / now per item, a note); items naming catalogue work become priced proposals for the customer.");

        workshop.MapPost("/appointments/{id:guid}/inspection/{finding}/photos", async (Guid id, int finding, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var photo = await TradeInsApi.PhotoFieldAsync(request, ct);

                var visit = await mediator.Send(new AddInspectionPhoto.Command(id, finding, await TradeInsApi.ReadAsync(photo, ct)), ct);
                var added = visit.Inspection.First(f => f.Number == finding).PhotoIds[^1];
                return ETags.With(TypedResults.Created($"/api/service/appointments/{id}/photos/{added}", visit), visit.Version);
            })
            .WithSummary("Add a photo to an inspection item (multipart field 'photo'; JPEG, PNG, WebP or HEIC by content, at most 10 MB; four per item).");

        workshop.MapGet("/appointments/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetInspectionPhoto.Query(id, photoId), ct);
                return TypedResults.File(file.Content, file.ContentType);
            })
            .WithSummary("One inspection photo of a visit at your site.");

        workshop.MapPost("/appointments/{id:guid}/extra-work/{workId:guid}/start", async (Guid id, Guid workId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new StartExtraWork.Command(id, workId, ETags.ReadIfMatch(request)), ct)))
            .WithSummary("Start an extra item: only work the customer approved.");

        workshop.MapPost("/appointments/{id:guid}/ready", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new MarkVisitReady.Command(id, ETags.ReadIfMatch(request)), ct)))
            .WithSummary("The work is done: ready for pickup, fitted parts leave stock, the ready-by promise is kept, the customer gets the total.");

        workshop.MapPost("/appointments/{id:guid}/extra-work/{workId:guid}/answer", async (Guid id, Guid workId, AnswerBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new RecordExtraWorkAnswer.Command(id, workId, body.Approved, body.ToldUsBy, ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Record the customer's stated answer on one proposed item and how they told you (phone, inPerson, text, email).");

        workshop.MapPost("/appointments/{id:guid}/ready-time", async (Guid id, ReadyTimeBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new MoveReadyTime.Command(id, body.ReadyAt, body.Reason ?? "", ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Move the promised ready time with the reason; the customer is told at once and the old promise is renegotiated (or broken, if already due).");

        workshop.MapPost("/appointments/{id:guid}/collection", async (Guid id, CollectionBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Visit(await mediator.Send(new CollectVisit.Command(id, body.Method, body.Amount, body.Reference, body.Pending, body.CollectedBy, ETags.ReadIfMatch(request)), ct)))
            .RequireAuthorization(Policies.WriteService)
            .WithSummary("Collection: the payment (method, amount, reference; cleared, the bill's exact total) and the release of car and keys with a receipt, in one step.");
    }

    private static IResult Visit(WorkshopVisitView visit) => ETags.With(TypedResults.Ok(visit), visit.Version);
}
