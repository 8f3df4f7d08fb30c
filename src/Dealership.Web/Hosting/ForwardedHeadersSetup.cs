using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dealership.Web.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy or load balancer, the client's address and scheme arrive in X-Forwarded-For
/// and X-Forwarded-Proto. They are believed only from the proxies named in Proxy:KnownProxies (addresses) and
/// Proxy:KnownNetworks (CIDR), so a client cannot claim to be https or someone else; with neither set, only
/// loopback is trusted (ASP.NET Core's default). Believing the scheme is what makes HSTS, secure cookies and
/// redirects right behind the proxy.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddDealershipForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        // Read now, not at the first request: a wrong address stops the start with a sentence, not a request with a 500.
        var proxies = (configuration.GetSection("Proxy:KnownProxies").Get<string[]>() ?? [])
            .Select(proxy => IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new ConfigurationProblemException($"Proxy:KnownProxies has '{proxy}', which is not an IP address.")).ToList();
        var networks = (configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            .Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new ConfigurationProblemException($"Proxy:KnownNetworks has '{network}', which is not a network in CIDR form (10.0.0.0/8).")).ToList();
        var limit = configuration.GetValue("Proxy:ForwardLimit", 1);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = limit;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }
}
