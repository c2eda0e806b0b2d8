using System.Net;
using System.Net.Sockets;

namespace Samverkan.ServiceDefaults.Keycloak;

// Whether the metadata (and so the authority) must be fetched over HTTPS, from ssl-required.
// Keycloak's meaning is kept: "all" -> always, "none" -> never, "external" (the default) -> except
// for localhost and private network addresses. (Keycloak.AuthServices instead requires HTTPS only
// for "external" or empty, and not for "all" — a quirk not copied here.)
public static class KeycloakSslPolicy
{
    public static bool RequiresHttps(string? sslRequired, string authority)
    {
        switch (sslRequired?.Trim().ToLowerInvariant())
        {
            case "none":
                return false;
            case "all":
                return true;
            default:
                return !Uri.TryCreate(authority, UriKind.Absolute, out var uri) || !IsLocalOrPrivate(uri.Host);
        }
    }

    private static bool IsLocalOrPrivate(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address)) return false;
        if (IPAddress.IsLoopback(address)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }
        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
    }
}
