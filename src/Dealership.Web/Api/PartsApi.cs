using System.Text.Json.Serialization;
using Dealership.Application.Orders;
using Dealership.Application.Parts;
using Dealership.Domain.Parts;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/parts and /api/suppliers: stock, suppliers, parts orders, receipts and shortages.</summary>
public static class PartsApi
{
    public sealed record PartUpdateBody(string Description, MoneyView SellPrice, int? OnHand);

    public sealed record PartSupplierBody(Guid SupplierId, int LeadTimeWorkingDays, MoneyView Cost);

    public sealed record ConfirmationBody(DateOnly Eta);

    public sealed record SupplierTermsBody(string OrderEmail, [property: JsonRequired] bool AutoSend);

    public static void MapPartsApi(this IEndpointRouteBuilder api)
    {
        var parts = api.MapGroup("/parts").WithTags("Parts").RequireAuthorization(Policies.ReadParts);

        parts.MapGet("/", async (string? search, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListParts.Query(search, paging.Number, paging.Size), ct)))
            .WithSummary("Parts at the current site with on hand, reserved, available, price and suppliers; ?search= part number or description prefix.");

        parts.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var part = await mediator.Send(new GetPart.Query(id), ct);
                return ETags.With(TypedResults.Ok(part), part.Version);
            })
            .WithSummary("One part.");

        parts.MapPost("/", async (AddPart.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var part = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/parts/{part.Id}", part), part.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Add a part to the current site's stock (sell price in cents).");

        parts.MapPut("/{id:guid}", async (Guid id, PartUpdateBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var part = await mediator.Send(new UpdatePart.Command(id, body.Description, body.SellPrice, body.OnHand, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(part), part.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Correct description and price, or record a stock count (never below what is reserved). If-Match supported.");

        parts.MapPost("/{id:guid}/suppliers", async (Guid id, PartSupplierBody body, IMediator mediator, CancellationToken ct) =>
            {
                var part = await mediator.Send(new SetPartSupplier.Command(id, body.SupplierId, body.LeadTimeWorkingDays, body.Cost), ct);
                return ETags.With(TypedResults.Ok(part), part.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Say a supplier carries the part: lead time in working days and unit cost in cents.");

        parts.MapGet("/orders", async (string? status, bool? open, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPartsOrders.Query(QueryValues.Enum<PartsOrderStatus>(status, "status"), open ?? false,
                    paging.Number, paging.Size), ct)))
            .WithSummary("Parts orders at the current site, drafts first; ?status=draft|sent|confirmed|received or ?open=true.");

        parts.MapPost("/orders/{id:guid}/approval", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new SendPartsOrder.Command(id, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Approve a draft: it is emailed to the supplier.");

        parts.MapPost("/orders/{id:guid}/confirmation", async (Guid id, ConfirmationBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var order = await mediator.Send(new ConfirmPartsOrder.Command(id, body.Eta, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(order), order.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Record the supplier's confirmed delivery date; appointments it makes late are flagged at once.");

        parts.MapPost("/receipts", async (ReceiveParts.Command command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Book delivered parts in against an order (no lines = everything outstanding); allocated to waiting appointments in date order.");

        parts.MapGet("/shortages", async ([AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListShortages.Query(paging.Number, paging.Size), ct)))
            .WithSummary("Every part not yet on the shelf for a booked appointment, earliest visit first.");

        var suppliers = api.MapGroup("/suppliers").WithTags("Parts").RequireAuthorization(Policies.ReadParts);
        suppliers.MapGet("/", async ([AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListSuppliers.Query(paging.Number, paging.Size), ct)))
            .WithSummary("Suppliers of the group.");
        suppliers.MapPost("/", async (AddSupplier.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var supplier = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/suppliers/{supplier.Id}", supplier);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Add a supplier with its order email; autoSend lets the job send orders without approval.");
        suppliers.MapPut("/{id:guid}", async (Guid id, SupplierTermsBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var supplier = await mediator.Send(new ChangeSupplierTerms.Command(id, body.OrderEmail, body.AutoSend, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(supplier), supplier.Version);
            })
            .RequireAuthorization(Policies.WriteParts)
            .WithSummary("Change the order email and the approval rule; switching autoSend on sends the drafts waiting for this supplier. If-Match supported.");
    }
}
