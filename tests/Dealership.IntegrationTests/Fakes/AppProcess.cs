using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Dealership.IntegrationTests.Fakes;

/// <summary>
/// The real app as a separate operating-system process (<c>dotnet Dealership.Web.dll</c> from the web project's
/// build output), configured by environment variables exactly as an operator would, so it can be killed with
/// SIGKILL like a crashed container. Its output is kept for the failure message.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(string name, Process process, int port)
    {
        Name = name;
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The built Dealership.Web.dll of the same configuration as these tests (tests/run.sh builds the solution once).</summary>
    public static string WebAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name; // …/bin/{Configuration}/net10.0
        var root = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Dealership.Web", "bin", configuration, here.Name, "Dealership.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);
    }

    /// <param name="port">A port to listen on; a restarted instance takes its predecessor's so clients carry on.</param>
    public static AppProcess Start(string name, IReadOnlyDictionary<string, string> environment, string arguments = "", int? port = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = WebAssembly();
        port ??= Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}".Trim())
        {
            // The project folder is the content root (appsettings.json, wwwroot), as with `dotnet run`.
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(dll)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(name, process, port.Value);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until /health/ready answers 200 (schema current, database reachable).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining, exactly like a node lost mid-job.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public string Output => string.Join('\n', _output.TakeLast(80));

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

}
