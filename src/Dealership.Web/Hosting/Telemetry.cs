using System.Diagnostics;
using Dealership.Application.Common;
using Dealership.Application.Data;
using Hangfire;
using Hangfire.Server;
using Hangfire.Storage;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dealership.Web.Hosting;

/// <summary>
/// Traces, metrics and logs over OpenTelemetry (ADR 0024). Requests, outgoing HTTP (SMTP is not HTTP; Twilio is),
/// EF Core commands, every background job (source "Dealership.Jobs") and the runtime are instrumented; they leave the
/// process only when OTEL_EXPORTER_OTLP_ENDPOINT names a collector. Spans are recorded only then (or when
/// Telemetry:RecordTraces says so): nobody reads them otherwise, and recording them cost the journey 6–12 % of its CPU
/// a request (issue #14, session 25). Without them requests and jobs still get trace ids for their log lines
/// (<see cref="TraceIdsOnly"/>). Metrics are always collected. Nothing personal goes into
/// them: the customer's tracking token is cut from request paths, query strings are redacted by the
/// instrumentation, SQL carries parameters, never values, and the business metrics are tagged by channel at most.
/// </summary>
public static class Telemetry
{
    public const string JobsSource = "Dealership.Jobs";

    private static readonly ActivitySource Jobs = new(JobsSource);

    public static WebApplicationBuilder AddDealershipTelemetry(this WebApplicationBuilder builder, HostRole role)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(role);
        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "dealership", serviceInstanceId: Environment.MachineName)
                .AddAttributes([new KeyValuePair<string, object>("dealership.role", role.Name)]));
        var recordTraces = exportOtlp || builder.Configuration.GetValue("Telemetry:RecordTraces", false);
        if (!recordTraces)
        {
            builder.Services.AddHostedService<TraceIdsOnly>();
        }
        else
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(JobsSource)
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                        options.EnrichWithHttpRequest = (activity, request) => activity.SetTag("url.path", RedactedPath(request.Path));
                    })
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation();
                if (exportOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(DealershipMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation();
            if (exportOtlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (exportOtlp)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter(), options => options.IncludeScopes = true);
        }

        if (role.RunsJobs)
        {
            builder.Services.AddHostedService<OperationsSampler>();
        }

        return builder;
    }

    /// <summary>
    /// With no tracer listening, ASP.NET Core starts no activity for a request (its hosting log is off), so log lines
    /// would carry no TraceId and the error page's reference would match none of them; nor would a job's lines share
    /// one. This listener asks for the ids alone (propagation data): nothing is recorded and no tag is set, and EF's
    /// instrumentation, where most of the tracer's cost was, is not there at all.
    /// </summary>
    internal sealed class TraceIdsOnly : IHostedService, IDisposable
    {
        private readonly ActivityListener _listener = new()
        {
            ShouldListenTo = source => source.Name is "Microsoft.AspNetCore" or JobsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.PropagationData,
        };

        public Task StartAsync(CancellationToken cancellationToken)
        {
            ActivitySource.AddActivityListener(_listener);
            return Task.CompletedTask;
        }

        // Hosted services stop in reverse order, so jobs still draining keep their ids until this one stops.
        public Task StopAsync(CancellationToken cancellationToken)
        {
            _listener.Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A customer's link is a secret: /track/{token} is recorded as /track/{token}, never with the token.</summary>
    public static string RedactedPath(PathString path) =>
        path.StartsWithSegments("/track", out var rest) && rest.HasValue ? "/track/{token}" : path.Value ?? "/";

    /// <summary>
    /// Every job runs in its own trace and log scope (JobId, Job), so its log lines (and, with a collector, the SQL it
    /// ran) can be found together, as a request's can by its trace id.
    /// </summary>
    public sealed class JobCorrelationFilter(ILoggerFactory loggers) : IServerFilter
    {
        private const string Key = "dealership.telemetry";
        private readonly ILogger _logger = loggers.CreateLogger("Dealership.Jobs");

        public void OnPerforming(PerformingContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var name = $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
            var activity = Jobs.StartActivity("job " + name);
            activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
            var scope = _logger.BeginScope(new Dictionary<string, object> { ["JobId"] = context.BackgroundJob.Id, ["Job"] = name });
            context.Items[Key] = new JobTelemetry(activity, scope);
        }

        public void OnPerformed(PerformedContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (context.Items.TryGetValue(Key, out var item) && item is JobTelemetry telemetry)
            {
                if (context.Exception is { } failure)
                {
                    telemetry.Activity?.SetStatus(ActivityStatusCode.Error, failure.GetType().Name);
                }

                telemetry.Scope?.Dispose();
                telemetry.Activity?.Dispose();
            }
        }

        private sealed record JobTelemetry(Activity? Activity, IDisposable? Scope);
    }
}

/// <summary>
/// Every half minute on job workers: samples what the gauges report (messages waiting and the oldest one's age,
/// approvals waiting, recurring jobs late). A failed sample is logged and tried again; it never stops the host.
/// </summary>
public sealed class OperationsSampler(IServiceScopeFactory scopes, DealershipMetrics metrics, JobStorage jobs, TimeProvider clock, ILogger<OperationsSampler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        do
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                int late;
                using (var connection = jobs.GetConnection())
                {
                    late = connection.GetRecurringJobs().Count(j => j.NextExecution is { } next && next < now.AddMinutes(-1));
                }

                using var scope = scopes.CreateScope();
                await metrics.SampleAsync(scope.ServiceProvider.GetRequiredService<DealershipDbContext>(), now, late, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not sample the operations gauges; trying again in 30 seconds");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
