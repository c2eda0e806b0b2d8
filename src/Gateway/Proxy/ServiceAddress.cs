using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.ServiceDiscovery;

namespace Samverkan.Gateway.Proxy;

// A cluster destination written as a service-discovery address: "http://sip-plans" or
// "https+http://sip-plans" (scheme preference order, as Microsoft.Extensions.ServiceDiscovery
// reads it). Addresses with an explicit port or an IP literal are ordinary URLs, not services.
public sealed record ServiceAddress(string Query, IReadOnlyList<string> Schemes, string ServiceName, string Path)
{
    public static bool TryParse(string address, [NotNullWhen(true)] out ServiceAddress? service)
    {
        service = null;
        var separator = address.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0) return false;

        var schemes = address[..separator].Split('+', StringSplitOptions.RemoveEmptyEntries);
        var rest = address[(separator + 3)..];
        var slash = rest.IndexOf('/');
        var host = slash < 0 ? rest : rest[..slash];
        var path = slash < 0 ? "" : rest[slash..];

        if (host.Length == 0 || host.Contains(':') || host.Contains('[') || IPAddress.TryParse(host, out _) ||
            host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        service = new ServiceAddress($"{address[..separator]}://{host}", schemes, host, path);
        return true;
    }

    // The destination address for one resolved endpoint; the original path is kept.
    public string AddressOf(EndPoint endPoint) => endPoint switch
    {
        UriEndPoint uri => $"{uri.Uri.Scheme}://{uri.Uri.Authority}{Path}",
        DnsEndPoint dns => $"{Schemes[0]}://{dns.Host}{(dns.Port > 0 ? $":{dns.Port}" : "")}{Path}",
        IPEndPoint ip => $"{Schemes[0]}://{ip}{Path}",
        _ => $"{Schemes[0]}://{endPoint}{Path}",
    };
}
