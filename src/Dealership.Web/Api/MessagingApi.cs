using System.Text.Json.Serialization;
using Dealership.Application.Common;
using Dealership.Application.Journey;
using Dealership.Application.Notifications;
using Dealership.Application.Tasks;
using Dealership.Application.Tracking;
using Dealership.Domain.Notifications;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>Messages to customers, the outbox, the staff inbox (tasks), the customer's journey and tracking links.</summary>
public static class MessagingApi
{
    public sealed record TaskOwnerBody([property: JsonRequired] Guid? StaffId);

    public sealed record MessageBody(string Text, MessageChannel? Channel, Guid? TaskId);

    public static void MapMessagingApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/customers/{id:guid}/messages", async (Guid id, MessageBody body, IMediator mediator, CancellationToken ct) =>
            {
                var queued = await mediator.Send(new SendCustomerMessage.Command(id, body.Text, body.Channel, body.TaskId), ct);
                return TypedResults.Accepted($"/api/notifications?customerId={id}", queued);
            })
            .RequireAuthorization(Policies.EditCustomers)
            .WithTags("Notifications")
            .WithSummary("Write to a customer on their channels (or one channel). Queued in the outbox; answers 202 with the queued messages.");

        api.MapGet("/customers/{id:guid}/journey", async (Guid id, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetJourney.Query(id, paging.Number, paging.Size), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Customers")
            .WithSummary("The customer's timeline, newest first: messages, replies, consent changes.");

        api.MapPost("/customers/{id:guid}/tracking-links/revocation", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(new { revoked = await mediator.Send(new RevokeTrackingLinks.Command(id), ct) }))
            .RequireAuthorization(Policies.EditCustomers)
            .WithTags("Customers")
            .WithSummary("Revoke every tracking link the customer has; later messages carry new ones.");

        api.MapGet("/notifications", async (Guid? customerId, string? status, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotifications.Query(customerId, QueryValues.Enum<NotificationStatus>(status, "status"), paging.Number, paging.Size), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithTags("Notifications")
            .WithSummary("Messages, newest first, filtered by customer and status (pending, deferred, sending, sent, delivered, failed, dead, suppressed).");

        api.MapPost("/notifications/{id:guid}/resend", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResendNotification.Command(id), ct)))
            .RequireAuthorization(Policies.ManagersOnly)
            .WithTags("Notifications")
            .WithSummary("Send a dead message again (Managers).");

        var tasks = api.MapGroup("/tasks").RequireAuthorization(Policies.Staff).WithTags("Tasks");
        tasks.MapGet("/", async ([AsParameters] OwnerQuery owner, bool? includeDone, [AsParameters] PageRequest paging, IMediator mediator, ICurrentStaff staff, CancellationToken ct) =>
            {
                // The inbox is always the caller's own (with their sites' team queue for managers): owner may only say so.
                if (owner.Owner is not null && owner.Resolve(staff) != staff.StaffId)
                {
                    throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("owner", "Only owner=me is supported: your own inbox (managers also see their sites' unassigned tasks).")]);
                }

                return TypedResults.Ok(await mediator.Send(new ListTasks.Query(includeDone ?? false, paging.Number, paging.Size), ct));
            })
            .WithSummary("Your inbox (owner=me): open tasks, soonest due first.");
        tasks.MapPost("/{id:guid}/done", async (Guid id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new CompleteTask.Command(id), ct)))
            .WithSummary("Mark a task in your inbox done.");
        tasks.MapPost("/{id:guid}/owner", async (Guid id, TaskOwnerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReassignTask.Command(id, body.StaffId), ct)))
            .WithSummary("Hand a task to a colleague at its site (staffId), or back to the site's team queue (staffId null). Its owner or a manager.");
        tasks.MapGet("/colleagues", async (Guid? siteId, [AsParameters] PageRequest paging, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListColleagues.Query(paging.Number, paging.PageSize ?? Paging.MaxPageSize, siteId), ct)))
            .WithSummary("Active people at one of your sites (?siteId=, default your current one): whom a task there can be handed to.");
    }
}
