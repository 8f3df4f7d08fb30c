using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dealership.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Dealership.IntegrationTests;

/// <summary>
/// Logs and traces are for operators, not a copy of the customer file: a day's worth of acts that carry a
/// customer's name, phone, email, tracking link and texted words leaves none of them in any log line (at the
/// configured levels) or any span, while the spans themselves are there (the request, its SQL, the job).
/// </summary>
public sealed class TelemetryPrivacyTests : SharedAppTests
{
    private static readonly ConcurrentQueue<string> Logged = new();
    private static readonly List<Activity> Spans = [];

    // No collector in the tests: the app is told to record its spans anyway, for the in-memory exporter below.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Telemetry:RecordTraces"] = "true" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddLogging(logging => logging.AddProvider(new CapturingProvider()));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
    }

    [Test]
    public async Task NoNamePhoneEmailTokenOrMessageText_EndsUpInLogsOrTraces()
    {
        const string last = "Quillfeather";
        const string email = "winifred.quillfeather@example.net";
        const string mobile = "503-555-0177";
        const string e164 = "+15035550177";
        const string words = "my garage code is 4417";
        using var sales = await App.SalesAsync();
        var created = await sales.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
        {
            ["firstName"] = "Winifred", ["lastName"] = last, ["email"] = email, ["mobilePhone"] = mobile,
            ["preferredChannel"] = "sms", ["smsConsent"] = true, ["emailConsent"] = true, ["language"] = "en",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var customer = (await created.ReadJsonAsync()).GetProperty("id").GetGuid();
        // The same person again: a conflict, which is logged as such.
        await sales.PostAsJsonAsync("/api/customers", new Dictionary<string, object?>
        {
            ["firstName"] = "Winifred", ["lastName"] = last, ["email"] = email, ["mobilePhone"] = mobile, ["preferredChannel"] = "sms", ["smsConsent"] = true, ["language"] = "en",
        });
        Assert.That((await sales.GetAsync($"/api/customers?search={Uri.EscapeDataString(mobile)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await sales.GetAsync($"/api/customers?search={Uri.EscapeDataString(email)}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = await App.TrackingTokenAsync(customer);
        using (var phone = App.CreateClient())
        {
            Assert.That((await phone.GetAsync($"/track/{token}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        using (var scope = App.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new ReceiveInboundSms.Command(e164, words, "SM" + Guid.NewGuid().ToString("N")));
            await scope.ServiceProvider.GetRequiredService<NotificationDispatcher>().DispatchDueAsync(CancellationToken.None);
        }

        Assert.That(Logged, Is.Not.Empty, "the app logged something to check");
        Assert.That(Spans.Any(s => s.Kind == ActivityKind.Server) && Spans.Any(s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal) || s.Tags.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal))),
            Is.True, "requests and their SQL are traced");

        var secrets = new[] { last, email, mobile, e164, "5035550177", token, words };
        var leaks = Logged.Select(line => ("log", line))
            .Concat(Spans.SelectMany(s => s.TagObjects.Select(t => ("span " + s.DisplayName, $"{t.Key}={t.Value}")).Append(("span", s.DisplayName))))
            .Where(entry => secrets.Any(secret => entry.Item2.Contains(secret, StringComparison.OrdinalIgnoreCase)))
            .Select(entry => $"{entry.Item1}: {entry.Item2}")
            .Distinct()
            .ToList();
        Assert.That(leaks, Is.Empty);
        Assert.That(Spans.Where(s => s.GetTagItem("url.path") is string path && path.StartsWith("/track/", StringComparison.Ordinal)).Select(s => s.GetTagItem("url.path")),
            Is.Not.Empty.And.All.EqualTo("/track/{token}"), "the tracking page is traced, without its token");
    }

    /// <summary>Keeps every message and every structured value the app logs, as any sink would receive them.</summary>
    private sealed class CapturingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Capturing(categoryName);

        public void Dispose()
        {
        }

        private sealed class Capturing(string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                Logged.Enqueue($"{category} scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                Logged.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}

/// <summary>
/// Spans cost CPU on every request and query, and without a collector nobody reads them (ADR 0024): an app with no
/// OTEL_EXPORTER_OTLP_ENDPOINT and no Telemetry:RecordTraces records none and keeps its metrics, and its log lines
/// still carry the request's trace id.
/// </summary>
public sealed class TracesWithoutACollectorTests
{
    [Test]
    public async Task WithNoCollector_NoSpanIsRecorded_MetricsStillAre_AndLogLinesKeepTheirTraceId()
    {
        var lines = new ConcurrentQueue<(string Message, List<object?> Scopes, Activity? Activity)>();
        using var app = new DealershipApp(services => services.AddLogging(logging => logging.AddProvider(new ScopeCapturingProvider(lines))),
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "", ["Telemetry:RecordTraces"] = "false" });
        await app.InitializeAsync();
        Assert.That(app.Services.GetService<TracerProvider>(), Is.Null, "no tracer: the instrumentations of requests, HTTP and EF listen to nothing");
        Assert.That(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>(), Is.Not.Null, "metrics are collected whatever");

        using var sales = await app.SalesAsync();
        Assert.That((await sales.GetAsync("/api/customers?search=smith")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var searched = lines.Where(l => l.Message.Contains("SearchCustomers", StringComparison.Ordinal)).ToList();
        Assert.That(searched, Is.Not.Empty, "the search's completion is logged");
        var traceIds = searched.SelectMany(l => l.Scopes).OfType<IEnumerable<KeyValuePair<string, object?>>>()
            .SelectMany(pairs => pairs).Where(p => p.Key == "TraceId").Select(p => p.Value?.ToString()).ToList();
        Assert.That(traceIds, Has.Some.Matches<string?>(id => id is { Length: 32 } && id != new string('0', 32)),
            "the line carries the request's trace id, so the error page's reference and the logs still meet");
        Assert.That(searched.Select(l => l.Activity), Has.All.Matches<Activity?>(a => a is { IsAllDataRequested: false, Recorded: false }),
            "the request's activity carries ids only: nothing about it is recorded");
    }

    /// <summary>Keeps each log line with the scopes it was written in (as a JSON console sink with scopes would) and the activity it ran under.</summary>
    private sealed class ScopeCapturingProvider(ConcurrentQueue<(string Message, List<object?> Scopes, Activity? Activity)> lines) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<(string Message, List<object?> Scopes, Activity? Activity)> _lines = lines;
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Capturing(ScopeCapturingProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<object?>();
                provider._scopes.ForEachScope((scope, list) => list.Add(scope), scopes);
                provider._lines.Enqueue((formatter(state, exception), scopes, Activity.Current));
            }
        }
    }
}
