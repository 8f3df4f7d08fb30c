namespace Dealership.Web.Security;

/// <summary>
/// The JSON API also accepts the staff UI's sign-in cookie, so a change sent with that cookie must come from
/// our own pages: its Origin (or, failing that, its Referer) must be this site. Another site's page cannot make
/// a signed-in person's browser change anything; bearer-token callers, which a browser never sends on its own,
/// are not affected. Razor page forms have their antiforgery token instead.
/// </summary>
public sealed class CookieOriginCheck(RequestDelegate next, IConfiguration configuration)
{
    private readonly string? _publicOrigin = Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && !AuthenticationSetup.CarriesBearerToken(request)
            && request.Cookies.ContainsKey(AuthenticationSetup.CookieName)
            && !SameOrigin(request))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: "A change sent with the staff sign-in cookie must come from the service desk's own pages. Scripts and integrations use a bearer token (POST /api/auth/token).")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private bool SameOrigin(HttpRequest request)
    {
        var own = $"{request.Scheme}://{request.Host}";
        var claimed = request.Headers.Origin.ToString();
        if (claimed.Length == 0 && Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer))
        {
            claimed = referer.GetLeftPart(UriPartial.Authority);
        }

        return claimed.Length > 0 && (string.Equals(claimed, own, StringComparison.OrdinalIgnoreCase) || string.Equals(claimed, _publicOrigin, StringComparison.OrdinalIgnoreCase));
    }
}
