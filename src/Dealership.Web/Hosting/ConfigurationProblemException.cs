namespace Dealership.Web.Hosting;

/// <summary>
/// A setting the app cannot start without is missing or wrong. The process says so in one sentence on stderr
/// and exits with code 3 (<see cref="StartupFailure"/>), so an operator reads what to fix instead of a stack trace.
/// </summary>
public sealed class ConfigurationProblemException : Exception
{
    public ConfigurationProblemException()
    {
    }

    public ConfigurationProblemException(string message)
        : base(message)
    {
    }

    public ConfigurationProblemException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

public static class StartupFailure
{
    public const int ExitCode = 3;

    /// <summary>Turns a configuration problem that escapes start-up into its sentence and exit code 3.</summary>
    public static void ReportConfigurationProblems() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception;
            if ((exception as ConfigurationProblemException ?? exception?.InnerException as ConfigurationProblemException) is { } problem)
            {
                Console.Error.WriteLine($"Cannot start: {problem.Message}");
                Environment.Exit(ExitCode);
            }
        };
}
