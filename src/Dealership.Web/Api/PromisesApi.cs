using Dealership.Application.Common;
using Dealership.Application.Promises;
using Dealership.Domain.Promises;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>/api/promises: the promise ledger. Milestone promises are managed by their orders; people record the rest.</summary>
public static class PromisesApi
{
    public sealed record WithdrawBody(string Reason);

    public static void MapPromisesApi(this IEndpointRouteBuilder api)
    {
        var promises = api.MapGroup("/promises").WithTags("Promises").RequireAuthorization(Policies.Staff);

        promises.MapPost("/", async (MakePromise.Command command, IMediator mediator, CancellationToken ct) =>
            {
                var promise = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/promises/{promise.Id}", promise);
            })
            .WithSummary("Record a promise you made to a customer (description, dueAt).");

        promises.MapGet("/", async ([AsParameters] OwnerQuery owner, string? due, string? state, [AsParameters] PageRequest paging, IMediator mediator, ICurrentStaff staff, CancellationToken ct) =>
            {
                var ownerId = owner.Resolve(staff);
                return TypedResults.Ok(await mediator.Send(new ListPromises.Query(ownerId, due, QueryValues.Enum<PromiseState>(state, "state"), paging.Number, paging.Size), ct));
            })
            .WithSummary("Promises at your sites; ?owner=me&due=overdue|today|week&state=open|kept|broken|withdrawn|renegotiated.");

        promises.MapGet("/stats", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetPromiseStats.Query(), ct)))
            .WithSummary("Promises kept: kept / (kept + broken), per person and per site.");

        promises.MapPost("/{id:guid}/kept", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new KeepPromise.Command(id), ct)))
            .WithSummary("Mark your promise kept (after its due time it counts as broken).");

        promises.MapPost("/{id:guid}/withdrawn", async (Guid id, WithdrawBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new WithdrawPromise.Command(id, body.Reason), ct)))
            .WithSummary("Withdraw your promise, with a reason.");
    }
}
