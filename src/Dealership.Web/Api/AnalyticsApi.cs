using Dealership.Application.Analytics;
using Dealership.Application.Journey;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/analytics: the journey dashboard's figures and the OCEL export; a customer's silences and journey log.</summary>
public static class AnalyticsApi
{
    public static void MapAnalyticsApi(this IEndpointRouteBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.ManagersOnly);
        analytics.MapGet("/journey", async (DateOnly? from, DateOnly? to, Guid? site, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJourneyAnalytics.Query(from, to, site), ct)))
            .WithSummary("Silence gaps by stage, chasing and proactive shares, stage durations, promises kept, parts at check-in, first-visit fix, "
                + "trade-in payoff lag and decisions with their outcomes, over ?from=&to= (site days; the last 90 by default) at ?site= or all your sites. "
                + "Each figure names the customers behind its worst cases.");

        analytics.MapGet("/journey/ocel", async (DateOnly? from, DateOnly? to, Guid? site, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var log = await mediator.Send(new ExportJourneyLog.Query(from, to, site), ct);
                http.Response.Headers.ContentDisposition = "attachment; filename=\"journeys.ocel.json\"";
                return TypedResults.Ok(log);
            })
            .WithSummary("Every journey at your sites over ?from=&to= (the last 30 days by default) as an OCEL 2.0 JSON event log, pseudonymous: "
                + "customers, orders, visits and trade-ins as objects, touchpoints as events.");

        api.MapGet("/customers/{id:guid}/journey/ocel", async (Guid id, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var log = await mediator.Send(new ExportJourneyLog.Query(CustomerId: id), ct);
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"journey-{id}.ocel.json\"";
                return TypedResults.Ok(log);
            })
            .WithTags("Customers")
            .RequireAuthorization(Policies.ManagersOnly)
            .WithSummary("One customer's whole journey as an OCEL 2.0 JSON event log (Managers).");

        api.MapGet("/customers/{id:guid}/journey/silences", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJourneySilences.Query(id), ct)))
            .WithTags("Customers")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("The stretches in which the customer, with an order under way, heard nothing from us for longer than the stage allows (newest first).");
    }
}
