using System.IO.Compression;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dealership.Web.Hosting;

/// <summary>
/// What is compressed on the way out, and how long a browser may keep the style sheets and scripts (ADR 0032).
/// Compressed: style sheets, scripts and SVG (no secrets in them), and the API's JSON when the caller signed in with a
/// bearer token. Never compressed: HTML pages and JSON answered to a sign-in cookie. Those carry a customer's details
/// next to what a link's query string put there (a search box, a filter), and compressing both together lets someone
/// who watches the encrypted traffic's length guess the details one character at a time (BREACH), with the victim's
/// browser sending the cookie for them. A browser never adds a bearer token to a request another site starts.
/// </summary>
public static class ResponseCompressionSetup
{
    /// <summary>Static assets: text only (photos and fonts are compressed already).</summary>
    private static readonly string[] AssetTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"];

    private static readonly string[] JsonTypes = ["application/json", "application/problem+json"];

    public static IServiceCollection AddDealershipResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Behind TLS everything is HTTPS; what may be compressed there is decided per answer below.
            options.EnableForHttps = true;
            options.MimeTypes = [.. AssetTypes, .. JsonTypes];
            // Gzip only: at the fastest levels it made the lane's 194 KB of JSON 14 KB, Brotli 43 KB (ADR 0032).
            options.Providers.Add<GzipCompressionProvider>();
        });
        // Fastest: on two cores the lane answered more a second compressed than not, at this level (ADR 0032).
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        // In place of the framework's provider (AddResponseCompression registers it), not beside it.
        services.Replace(ServiceDescriptor.Singleton<IResponseCompressionProvider, CompressionPolicy>());
        return services;
    }

    /// <summary>
    /// Static files with the headers that let a browser reuse them: a style sheet or script asked for with the version
    /// the pages put on it (<c>asp-append-version</c>: the file's hash) is kept for a year without asking again, since a
    /// changed file gets a new address; asked for any other way (a stale version, none), the browser checks each time.
    /// </summary>
    public static IApplicationBuilder UseDealershipStaticFiles(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var versions = app.ApplicationServices.GetRequiredService<IFileVersionProvider>();
        return app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                IsCurrentVersion(versions, context.Context.Request) ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }

    private static bool IsCurrentVersion(IFileVersionProvider versions, HttpRequest request)
    {
        var asked = request.Query["v"];
        if (asked.Count != 1 || string.IsNullOrEmpty(asked[0]))
        {
            return false;
        }

        // The provider hashes each file once and caches it until the file changes.
        var current = versions.AddFileVersionToPath(request.PathBase, request.Path.Value ?? "");
        var at = current.IndexOf("?v=", StringComparison.Ordinal);
        return at >= 0 && string.Equals(current[(at + 3)..], asked[0], StringComparison.Ordinal);
    }

    /// <summary>The rule above, applied to each answer before it is compressed.</summary>
    private sealed class CompressionPolicy(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
        : ResponseCompressionProvider(services, options)
    {
        public override bool ShouldCompressResponse(HttpContext context)
        {
            if (!base.ShouldCompressResponse(context))
            {
                return false;
            }

            var type = MediaTypeHeaderValue.TryParse(context.Response.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            return type is not null && (AssetTypes.Contains(type, StringComparer.OrdinalIgnoreCase)
                || (JsonTypes.Contains(type, StringComparer.OrdinalIgnoreCase) && Security.AuthenticationSetup.CarriesBearerToken(context.Request)));
        }
    }
}
