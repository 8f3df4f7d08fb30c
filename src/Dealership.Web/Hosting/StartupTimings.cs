using System.Diagnostics;

namespace Dealership.Web.Hosting;

/// <summary>
/// How long each step of start-up took, logged once the app listens. Start to ready has a target (issue #14: under
/// 3 s on the embedded default with the demo data already there); this line says which step to look at when it is missed.
/// </summary>
public sealed class StartupTimings
{
    private readonly List<string> _steps = [];
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Ends the step that began at the previous mark (or when Main began) and names it.</summary>
    public void Mark(string step)
    {
        var now = Stopwatch.GetTimestamp();
        _steps.Add($"{step} {Stopwatch.GetElapsedTime(_last, now).TotalMilliseconds:F0} ms");
        _last = now;
    }

    /// <summary>Logs the steps when the app starts listening, with the time the runtime took before Main.</summary>
    public void ReportWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dealership.Startup");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Mark("listening");
            using var process = Process.GetCurrentProcess();
            logger.LogInformation("Started in {Total:F0} ms since the process began: {Steps}",
                (DateTime.Now - process.StartTime).TotalMilliseconds, string.Join(", ", _steps));
        });
    }
}
