namespace Samverkan.ServiceDefaults.Keycloak;

// What ssl-required means for fetching the realm's metadata and signing keys - exactly what
// Keycloak.AuthServices makes of it, so the real library can replace this one without a surprise:
// RequireHttpsMetadata = ssl-required is empty or "external" (case-insensitive). "none" and, by
// the library's quirk, "all" allow plain HTTP. (Keycloak's own realm setting means something else:
// "external" exempts local addresses there, not here.) Whatever ssl-required says, a host outside
// Development never fetches keys over plain HTTP: see EnsureHttpsOutsideDevelopment.
public static class KeycloakSslPolicy
{
    public static bool RequiresHttps(string? sslRequired) =>
        string.IsNullOrWhiteSpace(sslRequired) || string.Equals(sslRequired.Trim(), "external", StringComparison.OrdinalIgnoreCase);

    // Signing keys fetched over plain HTTP can be replaced by anyone on the path, and with them
    // every token: outside Development the authority (and metadata address) must be https. The one
    // exception is a loopback IP literal (127.0.0.0/8, ::1): traffic on the loopback interface never
    // leaves the host, so there is no path to tamper with (benchmarks run Production builds this way).
    // A host *name* such as "localhost" is not exempt: it is resolved, and resolution can be redirected.
    public static void EnsureHttpsOutsideDevelopment(bool isDevelopment, string authority, string? metadataAddress)
    {
        if (isDevelopment) return;
        foreach (var address in new[] { authority, metadataAddress })
        {
            if (address is not null && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !IsLoopbackLiteral(address))
            {
                throw new KeycloakException(
                    $"Keycloak:auth-server-url must be https outside Development, unless it is a loopback IP address (signing keys are never fetched over plain HTTP); got '{address}'.");
            }
        }
    }

    private static bool IsLoopbackLiteral(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        && System.Net.IPAddress.TryParse(uri.Host, out var ip)
        && System.Net.IPAddress.IsLoopback(ip);
}
