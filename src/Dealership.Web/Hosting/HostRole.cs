namespace Dealership.Web.Hosting;

/// <summary>
/// What one process of the app does (App:Role): <c>Web</c> serves the API, the pages and the webhooks and only
/// enqueues jobs; <c>Worker</c> runs the Hangfire server and the recurring jobs and answers only its health
/// probes; <c>Both</c> (the default, and the embedded single-machine setup) does everything. Scale each by
/// running more processes of it against one server database (deploy/README.md).
/// </summary>
public sealed record HostRole(bool ServesHttp, bool RunsJobs)
{
    public static readonly HostRole Both = new(ServesHttp: true, RunsJobs: true);
    public static readonly HostRole Web = new(ServesHttp: true, RunsJobs: false);
    public static readonly HostRole Worker = new(ServesHttp: false, RunsJobs: true);

    public static HostRole From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["App:Role"];
        return (value?.Trim().ToLowerInvariant()) switch
        {
            null or "" or "both" => Both,
            "web" => Web,
            "worker" => Worker,
            _ => throw new ConfigurationProblemException($"App:Role '{value}' is not a role this app has. Use Web, Worker or Both."),
        };
    }

    public string Name => (ServesHttp, RunsJobs) switch
    {
        (true, true) => "both",
        (true, false) => "web",
        _ => "worker",
    };
}
