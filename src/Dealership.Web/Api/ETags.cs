using Microsoft.Net.Http.Headers;

namespace Dealership.Web.Api;

/// <summary>ETag / If-Match over the aggregates' version token: <c>"7"</c> is version 7.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>
    /// Reads If-Match. No header or <c>*</c> means "any version" (null). Anything else must be one of our
    /// ETags; a malformed value is a client error, not a silent "any".
    /// </summary>
    public static long? ReadIfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParse(header.Trim(), out var tag) &&
            long.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("If-Match",
            $"If-Match '{header}' is not an ETag this API issued. Send the ETag from the last GET, for example \"3\".")]);
    }

    public static void Set(HttpResponse response, long version) => response.Headers.ETag = For(version);

    /// <summary>Wraps a result so it carries the aggregate's ETag (also through the idempotency capture).</summary>
    public static IResult With(IResult inner, long version) => new Tagged(inner, version);

    private sealed class Tagged(IResult inner, long version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            Set(httpContext.Response, version);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
