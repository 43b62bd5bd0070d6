using System.Net;
using System.Net.Sockets;

namespace IntegrationGateway.ProcessApis.Webhooks;

/// <summary>
/// Where a webhook may be sent: http or https only, and never to a private, loopback, link-local or unspecified
/// address unless configured. Checked on the URL at subscribe time (a literal address or localhost) and again on
/// the resolved address of every connection, so a name that later resolves inside (DNS rebinding) is refused too.
/// </summary>
public static class TargetGuard
{
    public const int MaxUrlLength = 2000;

    /// <summary>Why the URL is refused, or null.</summary>
    public static string? Refusal(string url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "Give an absolute http or https URL.";
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "A webhook URL may not carry credentials.";
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "A webhook URL may not carry a fragment.";
        }
        if (allowPrivate)
        {
            return null;
        }
        var host = uri.IdnHost;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "Loopback targets are not allowed.";
        }
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsInternal(address)
            ? "Private, loopback, link-local and unspecified addresses are not allowed."
            : null;
    }

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
        }
        // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast, and the site-local leftovers.
        var first = address.GetAddressBytes()[0];
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (first & 0xFE) == 0xFC;
    }

    /// <summary>
    /// Connects to the first resolved address allowed, never to an internal one unless configured: the check is on the
    /// address actually connected to, not on what the name resolved to at subscribe time.
    /// </summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(a => allowPrivate || !IsInternal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new TargetRefusedException($"{endpoint.Host} resolves only to private, loopback, link-local or unspecified addresses.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

public sealed class TargetRefusedException(string message) : Exception(message);
