using System.Threading.RateLimiting;
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
    public ReadBulkhead(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var concurrent = configuration.GetValue("Performance:ConcurrentReads", 4 * Environment.ProcessorCount);
        var queued = configuration.GetValue("Performance:QueuedReads", 2000);
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
    }

    /// <summary>The places themselves; the tests take them to fill the bulkhead.</summary>
    public ConcurrencyLimiter Limiter { get; }

    /// <summary>Whether this request waits for a place: a read that reached one of the app's endpoints.</summary>
    public static bool Holds(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.GetEndpoint() is not null
            && !request.Path.StartsWithSegments("/health")
            && !request.Path.StartsWithSegments("/status")
            && !request.Path.StartsWithSegments("/error");
    }

    public void Dispose() => Limiter.Dispose();
}

public static class ReadBulkheadMiddleware
{
    /// <summary>
    /// After routing and the rate limiter (a caller over their own limit is told so without waiting), before anything
    /// that reads the database for the request (<see cref="Security.CurrentStaffMiddleware"/>).
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
                // The caller gave up while waiting: nothing was done, and nobody is there to answer.
                return;
            }

            using (place)
            {
                if (!place.IsAcquired)
                {
                    // The API's status-code pages write the problem document, the staff UI's its status page.
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "2";
                    return;
                }

                try
                {
                    await next(context);
                }
                finally
                {
                    // The connection goes back to the pool with the place, not when a slow client has read the answer.
                    context.RequestServices.GetService<DealershipDbContext>()?.ReleaseIdleSqliteConnection();
                }
            }
        });
    }
}
