using Microsoft.AspNetCore.HttpOverrides;

namespace KeyAccount.Api.Infrastructure;

/// <summary>
/// Behind a load balancer (nginx in deploy/replicas.sh, an Ingress in Kubernetes) every request arrives from the
/// proxy's address: the client's own address and scheme come in <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>.
/// They are believed only from the proxies named in <c>ForwardedHeaders:KnownNetworks</c> (CIDR list; loopback
/// always), one hop — otherwise anyone could choose the address their sign-in attempts are counted against.
/// </summary>
internal static class ProxyHeaders
{
    public static IServiceCollection AddKeyAccountProxyHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
