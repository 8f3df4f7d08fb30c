using Dealership.Application.Common;
using Dealership.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dealership.Web.Api;

/// <summary>
/// The one place where failures become HTTP answers: RFC 9457 problem documents that say what to fix.
/// API routes only; the staff UI shows its own error page. Stack traces never leave Development.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment environment, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed Request.Path at the UI error page; the original path is in the feature.
        var originalPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!IsApiPath(originalPath))
        {
            return false;
        }

        httpContext.Request.Path = originalPath;

        var problem = Map(exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Database unavailable on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem.Detail = environment.IsDevelopment() ? exception.ToString() : "Something went wrong on our side. Nothing was changed; try again, and tell support if it keeps happening.";
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            // The client asked for a format we do not speak (Accept: application/xml): it still gets the problem, as JSON.
            await WriteJsonAsync(httpContext, problem);
        }

        return true;
    }

    /// <summary>Writes a problem as application/problem+json whatever the Accept header says: our only error format.</summary>
    public static Task WriteJsonAsync(HttpContext httpContext, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        return httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", httpContext.RequestAborted);
    }

    /// <summary>A bare status from routing or authorization (404, 401, 403, 405, 415) as a problem that says what to do.</summary>
    public static Task WriteBareStatusAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = httpContext.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status401Unauthorized => ("Sign-in needed", "Send a bearer token from POST /api/auth/token in the Authorization header."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your role or sites do not allow this. Ask a manager if you need it done."),
            StatusCodes.Status404NotFound => ("Not found", "Nothing is at this address, or it is not yours to see. Check the id and the path (see /scalar)."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", "This address does not take that HTTP method; see /scalar for the ones it does."),
            StatusCodes.Status413PayloadTooLarge => ("Request too large", "The body is larger than any request this API takes; send less."),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported content type", "Send the body as JSON with Content-Type: application/json."),
            StatusCodes.Status503ServiceUnavailable => ("Busy", "The server is answering as many reads as it can and the queue is full. Nothing was done; send the request again after Retry-After seconds."),
            _ => (ReasonPhrases.GetReasonPhrase(status), null as string),
        };
        return WriteJsonAsync(httpContext, new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail });
    }

    public static bool IsApiRequest(HttpRequest request) => IsApiPath(request.Path.Value ?? "");

    public static bool IsApiPath(string path) =>
        new PathString(path).StartsWithSegments("/api") || new PathString(path).StartsWithSegments("/webhooks");

    internal static Microsoft.AspNetCore.Mvc.ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(validation.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Some fields need fixing",
            Detail = "Correct the fields listed in 'errors' and send the request again. Nothing was changed.",
        },
        BadHttpRequestException bad => new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request could not be read",
            Detail = bad.InnerException is System.Text.Json.JsonException json
                ? DescribeJsonError(json)
                : bad.Message,
        },
        NotFoundException notFound => Problem(StatusCodes.Status404NotFound, "Not found", notFound.Message),
        ForbiddenException forbidden => Problem(StatusCodes.Status403Forbidden, "Not allowed", forbidden.Message),
        PreconditionFailedException stale => Problem(StatusCodes.Status412PreconditionFailed, "The record has changed", stale.Message),
        DomainRuleException rule => WithFacts(Problem(StatusCodes.Status409Conflict, "Not possible right now", rule.Message), rule),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Changed by someone else",
            "Someone else saved a change to this record while you were working on it. Reload it and apply your change again."),
        _ when IsConstraintViolation(exception) =>
            Problem(StatusCodes.Status409Conflict, "Conflicts with another change",
                "Another request saved the same thing at the same moment (for example the same VIN or slot, or the last unit of a part). Reload and check before trying again."),
        _ when IsWriteCollision(exception) =>
            Problem(StatusCodes.Status409Conflict, "Busy", "The record is being changed by another request right now. Try again in a moment."),
        _ when IsTransient(exception) => Problem(StatusCodes.Status503ServiceUnavailable, "Briefly unavailable",
            "The database did not answer in time. Nothing was changed; send the same request again in a few seconds (with the same Idempotency-Key, if you used one)."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Unexpected error", null),
    };

    /// <summary>
    /// A save (or its commit) refused by a unique or foreign key the database keeps: someone else saved the same thing
    /// (a VIN, a slot) first. Other database failures wrapped in <see cref="DbUpdateException"/> (a full disk at commit) are not this.
    /// </summary>
    public static bool IsConstraintViolation(Exception exception) => exception is
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } } or DbUpdateException { InnerException: SqlException { Number: 2601 or 2627 or 547 } }
        or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "23505" or "23503" } };

    /// <summary>
    /// Two writers at the same moment, refused by the database itself rather than by our version check: SQLite's
    /// busy or locked file (also when SaveChanges wraps it, as it does when a read transaction cannot become a
    /// write one because another writer committed first), a PostgreSQL serialization failure or deadlock, a SQL
    /// Server deadlock victim. The loser is told to try again, like any other lost race.
    /// </summary>
    public static bool IsWriteCollision(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => true,
        Npgsql.PostgresException { SqlState: "40001" or "40P01" } => true,
        SqlException { Number: 1205 } => true,
        DbUpdateException { InnerException: { } inner } => IsWriteCollision(inner),
        InvalidOperationException { InnerException: { } inner } => IsWriteCollision(inner),
        _ => false,
    };

    /// <summary>
    /// A database that is restarting, failing over or out of connections: the request can simply be sent again.
    /// Commands are never replayed by us (ADR 0024), so the caller is told to retry.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        // SqlException and NpgsqlException both say so through DbException.IsTransient.
        System.Data.Common.DbException { IsTransient: true } => true,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        TimeoutException => true,
        _ => false,
    };

    private static string DescribeJsonError(System.Text.Json.JsonException json)
    {
        // System.Text.Json names the missing fields only in its message ("JSON deserialization for type '…' was missing
        // required properties including: 'approved'."), and shortens a long list; a nested body's path is given apart.
        const string Missing = "was missing required properties including:";
        var missing = json.Message.IndexOf(Missing, StringComparison.Ordinal);
        if (missing >= 0 && json.Message.StartsWith("JSON deserialization for type", StringComparison.Ordinal))
        {
            var at = json.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') + "." : "";
            var names = string.Join(", ", json.Message[(missing + Missing.Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(name => $"'{at}{name.Trim('.', '\'', ' ')}'"));
            return $"Send {names}: a field with no default must be given (true or false, one of its options, or a value). See /scalar for each field.";
        }

        var field = json.Path?.TrimStart('$').TrimStart('.');
        return string.IsNullOrEmpty(field)
            ? "The body is not valid JSON. Send a JSON object with the documented fields (see /scalar)."
            : $"The field '{field}' has a value of the wrong type or an unknown option. Amounts are integers in cents, options are camelCase strings (for example \"sms\"), dates are YYYY-MM-DD and times HH:mm:ss.";
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string title, string? detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static Microsoft.AspNetCore.Mvc.ProblemDetails WithFacts(Microsoft.AspNetCore.Mvc.ProblemDetails problem, DomainRuleException rule)
    {
        if (rule.Code is not null)
        {
            problem.Extensions["code"] = rule.Code;
        }

        foreach (var (key, value) in rule.Facts)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    /// <summary>FluentValidation names properties in PascalCase ("Vin", "Roles[0]"); JSON clients see camelCase.</summary>
    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? "request"
            : string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
