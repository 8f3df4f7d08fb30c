namespace Dealership.Web.Hosting;

/// <summary>
/// Headers every response carries: no MIME sniffing, no framing by other sites, no referrer leaking a
/// customer's tracking token, and a content policy that runs only the app's own scripts (pages carry no
/// inline script or handler). The API reference and the jobs dashboard ship inline scripts of their own,
/// so they get a policy that allows them, still limited to this origin.
/// </summary>
public static class SecurityHeaders
{
    private const string Pages = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private const string Tools = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Set as the response starts, so error pages (whose handler clears the headers) carry them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                var tool = context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/hangfire");
                headers.ContentSecurityPolicy = tool ? Tools : Pages;
                return Task.CompletedTask;
            });
            return next(context);
        });
}
