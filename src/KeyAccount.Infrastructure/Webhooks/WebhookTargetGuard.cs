using System.Net;
using System.Net.Sockets;
using KeyAccount.Application.Common.Errors;
using KeyAccount.Application.Webhooks.Common;
using Microsoft.Extensions.Options;

namespace KeyAccount.Infrastructure.Webhooks;

/// <summary>
/// The SSRF guard, in one place: which addresses a delivery may never reach, checked when an endpoint is saved
/// (<see cref="RefuseAsync"/>) and on every connection (<see cref="ConnectAsync"/>, the delivery client's connect
/// callback), so a name that later resolves to a private address is still refused.
/// </summary>
public sealed class WebhookTargetGuard(IOptions<WebhookOptions> options) : IWebhookTargetGuard
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    public async Task<(string Code, string Message)?> RefuseAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (options.Value.AllowPrivateTargets)
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return (FieldErrorCodes.NotAllowed, "Webhook URLs must use https.");
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (FieldErrorCodes.NotAllowed, $"The host '{url.Host}' does not resolve.");
        }

        return addresses.FirstOrDefault(IsForbidden) is { } forbidden
            ? (FieldErrorCodes.NotAllowed, $"The host resolves to {forbidden}, a loopback, private, link-local or metadata address; deliveries go to public addresses only.")
            : addresses.Length == 0 ? (FieldErrorCodes.NotAllowed, $"The host '{url.Host}' does not resolve.") : null;
    }

    /// <summary>Connects to the first address of the host a delivery may reach (all of them when the guard is lifted).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        var allowed = options.Value.AllowPrivateTargets ? addresses : [.. addresses.Where(a => !IsForbidden(a))];
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"The webhook target '{context.DnsEndPoint.Host}' resolves only to addresses deliveries may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Loopback, private (RFC 1918, CGNAT), link-local (cloud metadata lives there), unique-local, unspecified, multicast and broadcast addresses.</summary>
    public static bool IsForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)   // 100.64.0.0/10 carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                 // link-local, 169.254.169.254 metadata
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)      // IETF protocol assignments
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))  // benchmarking
                || b[0] >= 224;                                 // multicast and reserved
        }

        var v6 = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (v6[0] & 0xFE) == 0xFC;                          // fc00::/7 unique local (fd00:ec2::254 metadata)
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        return await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
    }
}
