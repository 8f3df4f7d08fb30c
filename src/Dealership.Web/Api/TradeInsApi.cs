using System.Text.Json.Serialization;
using Dealership.Application.Custody;
using Dealership.Application.Orders;
using Dealership.Application.TradeIns;
using Dealership.Domain.Handover;
using Dealership.Domain.TradeIns;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>
/// /api/trade-ins and /api/custody. Salespeople request appraisals and record the customer's answer; used-car
/// managers appraise, buy outright, pay off and resell. The swap itself is the order's delivery.
/// </summary>
public static class TradeInsApi
{
    public sealed record AppraisalBody(MoneyView MarketValue, string MarketSource, IReadOnlyList<AppraiseTradeIn.ReconditioningInput>? Reconditioning, MoneyView TargetMargin,
        MoneyView? FinalOffer, string? OverrideReason, DateOnly? ValidUntil, int? MileageTolerance, OfferHold? Hold, int? RecheckBandPercent);

    /// <summary>Both are required: a missing answer must never read as "declined".</summary>
    public sealed record AcceptanceBody(bool? Accepted, ChoiceChannel ToldUsBy, int? OfferNumber);

    public sealed record PurchaseBody(int Mileage, bool ConditionConfirmed, int KeysReceived, bool TitleReceived, string PayoutReference);

    public sealed record PayoffQuoteBody(MoneyView Payoff, MoneyView? PerDiem, DateOnly GoodUntil);

    public sealed record PayoffSentBody(MoneyView Amount, string Reference);

    public sealed record SaleBody([property: JsonRequired] SaleChannel Channel);

    /// <summary>
    /// The photo field of a multipart upload, or a field error: a missing field, another content type and a broken
    /// multipart body (no boundary, cut short) all read "send the photo as multipart/form-data", never a 500.
    /// </summary>
    internal static async Task<IFormFile> PhotoFieldAsync(HttpRequest request, CancellationToken ct)
    {
        IFormFile? photo = null;
        if (request.HasFormContentType)
        {
            try
            {
                photo = (await request.ReadFormAsync(ct)).Files["photo"];
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
            {
                photo = null;
            }
        }

        return photo ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("photo", "Send the photo as multipart/form-data in a field named 'photo'.")]);
    }

    /// <summary>Reads an upload, refusing one larger than a photo may be before reading it all.</summary>
    internal static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > PhotoRules.MaxBytes)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("photo", $"A photo is at most {PhotoRules.MaxBytes / (1024 * 1024)} MB; this one is larger.")]);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public static void MapTradeInsApi(this IEndpointRouteBuilder api)
    {
        var tradeIns = api.MapGroup("/trade-ins").WithTags("Trade-ins").RequireAuthorization(Policies.ReadTradeIns);

        tradeIns.MapPost("/", async (RequestTradeIn.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(command, ct);
                return ETags.With(TypedResults.Created($"/api/trade-ins/{tradeIn.Id}", tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.RequestTradeIns)
            .WithSummary("Ask for an appraisal: VIN, year/make/model/trim, mileage, declared condition, any loan (lender, payoff in cents, per-diem, good-until), against an order or stand-alone.");

        tradeIns.MapGet("/", async (string? status, Guid? customerId, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTradeIns.Query(QueryValues.Enum<TradeInStatus>(status, "status"), customerId, paging.Number, paging.Size), ct)))
            .WithSummary("Trade-ins at your sites. ?status=awaitingAppraisal is the appraisal queue (re-appraisals included), oldest first.");

        tradeIns.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new GetTradeIn.Query(id), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .WithSummary("One trade-in: declared condition, VIN checks, the offer with its working, the customer's answer, custody and payoff.");

        tradeIns.MapPost("/{id:guid}/appraisal", async (Guid id, AppraisalBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new AppraiseTradeIn.Command(id, body.MarketValue, body.MarketSource, body.Reconditioning, body.TargetMargin, body.FinalOffer,
                    body.OverrideReason, body.ValidUntil, body.MileageTolerance, body.Hold, body.RecheckBandPercent, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("Value the car: suggested offer = market − reconditioning − margin; a different final offer needs overrideReason (a recorded decision). Validity defaults to 7 days.");

        tradeIns.MapPost("/{id:guid}/acceptance", async (Guid id, AcceptanceBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var accepted = body.Accepted ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("accepted", "Say whether the customer accepted: true or false.")]);
                var tradeIn = await mediator.Send(new RecordTradeInAnswer.Command(id, accepted, body.ToldUsBy, ETags.ReadIfMatch(request), body.OfferNumber), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.RequestTradeIns)
            .WithSummary("Record the customer's stated answer (accepted true/false), how they told you (phone, inPerson, text, email) and which offer (offerNumber, from offer.appraisals) they answered. An expired or replaced offer cannot be accepted.");

        tradeIns.MapPost("/{id:guid}/withdrawal", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new WithdrawTradeIn.Command(id, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.RequestTradeIns)
            .WithSummary("The customer keeps their car: the trade-in leaves the deal (not once taken in).");

        tradeIns.MapPost("/{id:guid}/purchase", async (Guid id, PurchaseBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new PurchaseTradeIn.Command(id, body.Mileage, body.ConditionConfirmed, body.KeysReceived, body.TitleReceived,
                    body.PayoutReference, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("Buy a stand-alone trade-in: the customer is paid (payoutReference) in the same step the car, keys and title are taken. Refused for a trade-in against an order.");

        tradeIns.MapPost("/{id:guid}/lienholder-notice", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new RecordLienholderNotice.Command(id, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("Record that the lender was told the car was traded in.");

        tradeIns.MapPut("/{id:guid}/payoff-quote", async (Guid id, PayoffQuoteBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new UpdatePayoffQuote.Command(id, body.Payoff, body.PerDiem, body.GoodUntil, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("A new payoff quote from the lender (the old one expired). The customer's deal keeps the payoff it was made with.");

        tradeIns.MapPost("/{id:guid}/payoff", async (Guid id, PayoffSentBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new RecordPayoffSent.Command(id, body.Amount, body.Reference, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("Record the payoff sent to the lender with its reference; the customer is told. Refused on an expired quote.");

        tradeIns.MapPost("/{id:guid}/payoff-confirmation", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new ConfirmPayoff.Command(id, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("The lender confirmed the loan is closed; from now on the car may be resold.");

        tradeIns.MapPost("/{id:guid}/sale", async (Guid id, SaleBody body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var tradeIn = await mediator.Send(new SellTradeIn.Command(id, body.Channel, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.ManageTradeIns)
            .WithSummary("Retail or wholesale the car. Refused until its payoff is confirmed and while the customer may still cancel the deal.");

        // The form is read by hand, not bound: the caller's right is checked before anything about the body is judged.
        tradeIns.MapPost("/{id:guid}/photos", async (Guid id, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var photo = await PhotoFieldAsync(request, ct);

                var tradeIn = await mediator.Send(new AddTradeInPhoto.Command(id, await ReadAsync(photo, ct)), ct);
                return ETags.With(TypedResults.Created($"/api/trade-ins/{id}/photos/{tradeIn.PhotoIds[^1]}", tradeIn), tradeIn.Version);
            })
            .RequireAuthorization(Policies.RequestTradeIns)
            .WithSummary("Add a photo (multipart form field 'photo'; JPEG, PNG, WebP or HEIC by content, at most 10 MB; up to 10 per trade-in).");

        tradeIns.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new GetTradeInPhoto.Query(id, photoId), ct);
                return TypedResults.File(file.Content, file.ContentType);
            })
            .WithSummary("One photo of a trade-in you may read.");

        api.MapGet("/custody", async (bool? open, Guid? customerId, bool? alerts, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCustody.Query(open, customerId, alerts ?? false, paging.Number, paging.Size), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Custody")
            .WithSummary("The custody register: customer property held (open=true) or released, who holds it and since when; alerts=true lists property held with no open subject.");
    }
}
