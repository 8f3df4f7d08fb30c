using System.Security.Cryptography;
using Dealership.Application.Common;
using Dealership.Application.Data;

namespace Dealership.Web.Api;

/// <summary>
/// Makes retried commands safe. A request with an Idempotency-Key runs inside one transaction that also
/// stores the key with the response's status, headers and body; the command's own transaction behaviour
/// joins it. So either the change and its key both commit or neither does, and a retry of a committed
/// request gets exactly the first response back (with Idempotency-Replayed: true) without running again.
/// The same key with a different request is refused with 422. Failed requests store nothing: they changed
/// nothing, so running them again is safe. Keys are per staff member and kept for 48 hours.
/// </summary>
public sealed class IdempotencyFilter(IdempotencyStore records, UnitOfWork unit, ICurrentStaff staff, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";
    public const int MaxKeyLength = 100;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Sign-in is never cached: a stored response would keep a bearer token in the database for 48 hours.
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ||
            http.Request.Path.StartsWithSegments("/api/auth") ||
            !http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure(Header,
                $"{Header} must be 1 to {MaxKeyLength} characters; a UUID is a good choice.")]);
        }

        var scope = staff.StaffId?.ToString() ?? "anonymous";
        var hash = await HashRequestAsync(http.Request);
        if (await FindStoredAsync(scope, key, hash, http.RequestAborted) is { } earlier)
        {
            return earlier;
        }

        // One unit of work for the command and its key: both commit or neither does. A failure answer
        // (anything but 2xx) rolls back and stores nothing, so running it again is safe.
        return await unit.ExecuteAsync<IResult>(async () =>
        {
            // Looked up again inside the transaction: a concurrent retry that committed while we waited for the
            // write lock is replayed here instead of running twice (SQL Server: the unique index catches the rest).
            if (await FindStoredAsync(scope, key, hash, http.RequestAborted) is { } concurrent)
            {
                return concurrent;
            }

            var response = await CaptureAsync(http, await next(context));
            if (response.StatusCode is >= 200 and < 300)
            {
                records.Add(new IdempotencyRecord
                {
                    Scope = scope,
                    Key = key,
                    RequestHash = hash,
                    StatusCode = response.StatusCode,
                    ContentType = response.ContentType,
                    Location = response.Location,
                    ETag = response.ETag,
                    Body = response.Body,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }

            return response;
        }, http.RequestAborted, commitWhen: result => result is StoredResponse { Replayed: false, StatusCode: >= 200 and < 300 });
    }

    private async Task<IResult?> FindStoredAsync(string scope, string key, string hash, CancellationToken ct)
    {
        var existing = await records.FindAsync(scope, key, ct);
        if (existing is null)
        {
            return null;
        }

        return existing.RequestHash == hash
            ? new StoredResponse(existing.StatusCode, existing.ContentType, existing.Location, existing.ETag, existing.Body, Replayed: true)
            : Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: $"The {Header} '{key}' was already used for a different request. Use a new key for a new request; reuse a key only to retry the very same request.");
    }

    /// <summary>Method, path, query and body: the request's identity for "same request or not".</summary>
    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }

            request.Body.Position = 0;
        }

        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Runs the endpoint's result against a buffer so it can be both stored and sent.</summary>
    private static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var buffer = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var body = new MemoryStream();
        buffer.Response.Body = body;
        var executable = result as IResult ?? (result is null ? Results.NoContent() : Results.Json(result));
        await executable.ExecuteAsync(buffer);
        var headers = buffer.Response.Headers;
        return new StoredResponse(
            buffer.Response.StatusCode,
            buffer.Response.ContentType,
            headers.Location.Count > 0 ? headers.Location.ToString() : null,
            headers.ETag.Count > 0 ? headers.ETag.ToString() : null,
            body.ToArray(),
            Replayed: false);
    }

    /// <summary>Makes the request body readable twice (once for model binding, once for the hash).</summary>
    public static Task BufferKeyedRequests(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers.ContainsKey(Header))
        {
            context.Request.EnableBuffering();
        }

        return next();
    }
}

/// <summary>A response captured for the idempotency store, written back as it was.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body, bool Replayed) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (ETag is not null)
        {
            response.Headers.ETag = ETag;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyFilter.ReplayedHeader] = "true";
        }

        if (Body.Length > 0)
        {
            await response.Body.WriteAsync(Body, httpContext.RequestAborted);
        }
    }
}
