using Twilio.Security;
using Dealership.Adapters;
using Dealership.Application.Notifications;
using Mediator;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Api;

/// <summary>
/// Twilio's webhooks: delivery status of our texts, and texts from customers. Both verify X-Twilio-Signature
/// (HMAC-SHA1 with the auth token over the public URL plus the sorted form fields) and reject anything else
/// with 403 without recording it. Anonymous, no antiforgery (Twilio cannot send one), rate-limited.
/// </summary>
public static class TwilioWebhooks
{
    public const string RateLimit = "webhooks";

    public static void MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup(Hosting.PublicLinks.TwilioWebhooks).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimit).WithTags("Webhooks");

        hooks.MapPost("/status/{id:guid}", async (Guid id, HttpRequest request, IMediator mediator, IOptions<TwilioOptions> twilio, IOptions<NotificationOptions> notifications,
            Security.CurrentStaff caller, CancellationToken ct) =>
        {
            var (form, unreadable) = await ReadTwilioFormAsync(request, ct);
            if (unreadable is not null)
            {
                return unreadable;
            }

            if (!IsSigned(request, form!, twilio.Value, notifications.Value))
            {
                return Forbidden();
            }

            caller.ActAsSystem();

            await mediator.Send(new RecordSmsStatus.Command(id, form!["MessageStatus"].ToString(), NullIfEmpty(form!["ErrorCode"].ToString())), ct);
            return Results.NoContent();
        });

        hooks.MapPost("/inbound", async (HttpRequest request, IMediator mediator, IOptions<TwilioOptions> twilio, IOptions<NotificationOptions> notifications,
            Security.CurrentStaff caller, CancellationToken ct) =>
        {
            var (form, unreadable) = await ReadTwilioFormAsync(request, ct);
            if (unreadable is not null)
            {
                return unreadable;
            }

            if (!IsSigned(request, form!, twilio.Value, notifications.Value))
            {
                return Forbidden();
            }

            caller.ActAsSystem();

            var from = form!["From"].ToString();
            var sid = form["MessageSid"].ToString();
            if (from.Length == 0 || sid.Length == 0)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a Twilio message", detail: "From and MessageSid are required.");
            }

            await mediator.Send(new ReceiveInboundSms.Command(from, form["Body"].ToString(), sid), ct);
            // An empty TwiML response: any answer to the customer goes through the outbox like every other message.
            return Results.Text("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", "text/xml");
        });
    }

    /// <summary>
    /// Twilio's own validator (HMAC-SHA1 of the URL Twilio called, that is our public base URL with the path and
    /// query, followed by the sorted form fields, keyed with the auth token) decides; no token or no header is a refusal.
    /// </summary>
    public static bool IsSigned(HttpRequest request, IFormCollection form, TwilioOptions twilio, NotificationOptions notifications)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(form);
        var token = twilio.AuthToken;
        var header = request.Headers["X-Twilio-Signature"].ToString();
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(header))
        {
            return false;
        }

        var url = notifications.PublicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        return new RequestValidator(token).Validate(url, form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), header);
    }

    /// <summary>
    /// Twilio posts a form of a few dozen fields. Anything else (JSON, no content type, thousands of fields)
    /// is answered with a problem before the signature is even computed, never with an exception.
    /// </summary>
    private static async Task<(IFormCollection? Form, IResult? Problem)> ReadTwilioFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a Twilio webhook",
                detail: "Twilio webhooks are posted as application/x-www-form-urlencoded; this request has another content type."));
        }

        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status413RequestEntityTooLarge, title: "Form too large",
                detail: "The form has more fields or data than a Twilio webhook ever sends."));
        }
    }

    private static IResult Forbidden() => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Signature not valid",
        detail: "X-Twilio-Signature is missing or does not match this request.");

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
