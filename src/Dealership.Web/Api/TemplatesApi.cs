using Dealership.Application.Notifications.Templates;
using Dealership.Domain.Notifications;
using Dealership.Web.Security;
using Mediator;

namespace Dealership.Web.Api;

/// <summary>
/// /api/templates: the current site's message templates (Liquid), one per event × channel × language.
/// The ETag of a template is its version number; send it back as If-Match to save or revert.
/// </summary>
public static class TemplatesApi
{
    public sealed record TemplateBody(string? Subject, string Body, string? Note);

    public sealed record RevertBody(int? Version);

    /// <summary>sms or email, in any case; anything else is a 400 that says so.</summary>
    private static MessageChannel Channel(string value) =>
        QueryValues.Enum<MessageChannel>(value, "channel") ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("channel", "Use sms or email.")]);

    public static void MapTemplatesApi(this IEndpointRouteBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates").RequireAuthorization(Policies.ManagersOnly);

        templates.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListTemplates.Query(), ct)))
            .WithSummary("Every message of the current site, its own text or the default, rendered with sample facts (texts with their segment count).");

        templates.MapGet("/{key}/{channel}/{language}", async (string key, string channel, string language, IMediator mediator, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new GetTemplate.Query(key, Channel(channel), language), ct);
                return ETags.With(TypedResults.Ok(detail), detail.Version);
            })
            .WithSummary("One template: the text in use, the default, the facts it may use, its history and a sample rendering. channel: Sms or Email; language: en or es.");

        templates.MapPost("/{key}/{channel}/{language}/preview", async (string key, string channel, string language, TemplateBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PreviewTemplate.Query(key, Channel(channel), language, body.Subject, body.Body), ct)))
            .WithSummary("Render a draft with sample facts without saving it: the message and its cost, or the problems with their lines.");

        templates.MapPut("/{key}/{channel}/{language}", async (string key, string channel, string language, TemplateBody body, HttpRequest request, IMediator mediator,
                CancellationToken ct) =>
            {
                var detail = await mediator.Send(new SaveTemplate.Command(key, Channel(channel), language, body.Subject, body.Body, body.Note, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(detail), detail.Version);
            })
            .WithSummary("Save the site's own text (Liquid) as the next version. Refused with the line when it does not parse or names an unknown fact. If-Match supported.");

        templates.MapPost("/{key}/{channel}/{language}/reversion", async (string key, string channel, string language, RevertBody body, HttpRequest request,
                IMediator mediator, CancellationToken ct) =>
            {
                var detail = await mediator.Send(new RevertTemplate.Command(key, Channel(channel), language, body.Version, ETags.ReadIfMatch(request)), ct);
                return ETags.With(TypedResults.Ok(detail), detail.Version);
            })
            .WithSummary("Go back to an earlier version (version) or to the product's default (version null); saved as the newest version. If-Match supported.");
    }
}
