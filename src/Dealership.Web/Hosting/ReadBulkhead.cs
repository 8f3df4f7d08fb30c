using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Dealership.Application.Common;
using Dealership.Application.Data;

namespace Dealership.Web.Hosting;

/// <summary>
/// Caps how many reads (GET and HEAD) the process works on at once; the others wait their turn, first come first
/// served, before any of their work starts. On two cores, 32 reads at once answer no more a second than 8 do: each
/// one only holds its memory for longer, its pooled SQLite connection with that connection's page cache and its
/// objects, which the collector then promotes (issue #14, session 22: at most 404–411 MB resident under 32 concurrent
/// readers, 331 MB under 8, the same answers a second). Writes are not counted: on SQLite they already queue for the
/// file's one write lock, and a write waiting there must not keep a reader waiting too. Past the queue's length a read
/// is refused with 503 and Retry-After. Health probes and the status pages are never held.
/// Settings: Performance:ConcurrentReads (4 per processor unless set), Performance:QueuedReads (2,000 unless set).
/// </summary>
public sealed class ReadBulkhead : IDisposable
{
    private readonly Meter _meter;
    private readonly Counter<long> _refused;

    public ReadBulkhead(IConfiguration configuration, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(meters);
        int concurrent, queued;
        try
        {
            concurrent = configuration.GetValue("Performance:ConcurrentReads", 4 * Environment.ProcessorCount);
            queued = configuration.GetValue("Performance:QueuedReads", 2000);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationProblemException($"Performance:ConcurrentReads and Performance:QueuedReads are whole numbers: {ex.Message}");
        }

        if (concurrent < 1 || queued < 0)
        {
            throw new ConfigurationProblemException(
                $"Performance:ConcurrentReads must be at least 1 (it is {concurrent}) and Performance:QueuedReads at least 0 (it is {queued}).");
        }

        Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrent,
            QueueLimit = queued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

        // What an operator needs to see that the machine is short of cores: reads waiting, and reads turned away.
        _meter = meters.Create(DealershipMetrics.MeterName);
        _refused = _meter.CreateCounter<long>("dealership.reads.refused", "{request}", "Reads answered 503 because the queue for a place was full (ADR 0030)");
        _meter.CreateObservableGauge("dealership.reads.waiting", () => Limiter.GetStatistics()?.CurrentQueuedCount ?? 0, "{request}",
            "Reads waiting for a place (ADR 0030)");
    }

    /// <summary>Counts a read turned away.</summary>
    public void Refused() => _refused.Add(1);

    /// <summary>The places themselves; the tests take them to fill the bulkhead.</summary>
    public ConcurrencyLimiter Limiter { get; }

    /// <summary>
    /// Whether this request waits for a place: a read that reached one of the app's endpoints, from someone signed in or
    /// for a page anyone may see. A stranger's read of a staff page is turned away by authorization without waiting,
    /// and without taking a place from staff.
    /// </summary>
    public static bool Holds(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.GetEndpoint() is { } endpoint
            && (context.User.Identity?.IsAuthenticated == true || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            && !request.Path.StartsWithSegments("/health")
            && !request.Path.StartsWithSegments("/status")
            && !request.Path.StartsWithSegments("/error");
    }

    public void Dispose()
    {
        Limiter.Dispose();
        _meter.Dispose();
    }
}

public static class ReadBulkheadMiddleware
{
    /// <summary>
    /// After routing and the rate limiter (a caller over their own limit is told so without waiting), before the
    /// middleware that reads the signed-in staff member for every request (<see cref="Security.CurrentStaffMiddleware"/>).
    /// (Identity's security-stamp check, about once in 30 minutes per cookie, reads before it, in authentication.)
    /// </summary>
    public static IApplicationBuilder UseReadBulkhead(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Made here, at start, so a wrong setting stops the start rather than the first read.
        var bulkhead = app.ApplicationServices.GetRequiredService<ReadBulkhead>();
        return app.Use(async (context, next) =>
        {
            if (!ReadBulkhead.Holds(context))
            {
                await next(context);
                return;
            }

            RateLimitLease place;
            try
            {
                place = await bulkhead.Limiter.AcquireAsync(1, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller gave up while waiting: nothing was done, and nobody is there to read an answer, so no status
                // page or problem document is made for it either.
                context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                return;
            }

            if (!place.IsAcquired)
            {
                place.Dispose();
                bulkhead.Refused();
                await RefuseAsync(context);
                return;
            }

            // The place and the connection are given back as soon as the answer starts to go out (its work is done by
            // then: handlers return what they read, and pages render before they write), so a slow phone downloading a
            // photo holds neither; or when the request ends without an answer started.
            var left = 0;
            void Leave()
            {
                if (Interlocked.Exchange(ref left, 1) == 0)
                {
                    try
                    {
                        context.RequestServices.GetService<DealershipDbContext>()?.ReleaseIdleSqliteConnection();
                    }
                    finally
                    {
                        place.Dispose();
                    }
                }
            }

            context.Response.OnStarting(() =>
            {
                Leave();
                return Task.CompletedTask;
            });
            try
            {
                await next(context);
            }
            finally
            {
                Leave();
            }
        });
    }

    /// <summary>
    /// 503 with Retry-After. The API's status-code pages write its problem document. A page gets a short one of its
    /// own rather than the status page, whose layout would read the database for every request turned away.
    /// </summary>
    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "2";
        if (Api.ProblemExceptionHandler.IsApiRequest(context.Request))
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        const string Head = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Very busy just now</title>";
        const string English = "<strong>We are very busy just now.</strong><p>Nothing was lost. Wait a few seconds and reload the page.</p>";
        return context.Response.WriteAsync(context.Request.Path.StartsWithSegments("/track")
            ? Head + "<meta name=\"robots\" content=\"noindex\"><link rel=\"stylesheet\" href=\"/css/customer.css\"></head><body><div class=\"c-page\"><div class=\"c-card c-center\">"
                + English + "<p lang=\"es\"><strong>Estamos muy ocupados en este momento.</strong> No se ha perdido nada: espere unos segundos y vuelva a cargar la página.</p></div></div></body></html>"
            : Head + "<link rel=\"stylesheet\" href=\"/css/site.css\"></head><body><div class=\"card empty\" style=\"max-width:560px;margin:3rem auto\">"
                + English + "</div></body></html>");
    }
}
