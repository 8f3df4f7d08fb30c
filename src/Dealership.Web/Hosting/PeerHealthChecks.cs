using System.Net.Sockets;
using Dealership.Adapters;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dealership.Web.Hosting;

/// <summary>
/// Whether the email and SMS providers answer (a TCP connection within two seconds). Unreachable is
/// <b>Degraded</b>, never Unhealthy: messages wait in the outbox and go once the provider is back, so the
/// instance keeps serving and stays in the load balancer, while the operator sees which peer is down on
/// /health/ready. Liveness never looks at peers. Without a configured provider (the file outbox) it is Healthy.
/// </summary>
public sealed class PeerReachableCheck(string name, Func<(string Host, int Port)?> peer) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (peer() is not { } target)
        {
            return HealthCheckResult.Healthy($"No {name} provider configured: messages go to the outbox folder.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(target.Host, target.Port, timeout.Token);
            return HealthCheckResult.Healthy($"The {name} provider answers.");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded($"The {name} provider does not answer; messages wait and go once it is back.");
        }
    }
}

public static class PeerHealthChecks
{
    public static IHealthChecksBuilder AddPeerChecks(this IHealthChecksBuilder checks) =>
        checks.Add(new HealthCheckRegistration("email", services => new PeerReachableCheck("email", () =>
                services.GetRequiredService<IOptions<SmtpOptions>>().Value is { Host: { Length: > 0 } host } smtp ? (host, smtp.Port) : null),
                HealthStatus.Degraded, ["ready", "peers"]))
            .Add(new HealthCheckRegistration("sms", services => new PeerReachableCheck("SMS", () =>
                services.GetRequiredService<IOptions<TwilioOptions>>().Value is { AccountSid: { Length: > 0 } } twilio ? (twilio.BaseUrl.Host, twilio.BaseUrl.Port) : null),
                HealthStatus.Degraded, ["ready", "peers"]));
}
