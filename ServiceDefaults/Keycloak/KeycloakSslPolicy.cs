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
    // every token: outside Development the authority (and metadata address) must be https.
    public static void EnsureHttpsOutsideDevelopment(bool isDevelopment, string authority, string? metadataAddress)
    {
        if (isDevelopment) return;
        foreach (var address in new[] { authority, metadataAddress })
        {
            if (address is not null && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new KeycloakException(
                    $"Keycloak:auth-server-url must be https outside Development (signing keys are never fetched over plain HTTP); got '{address}'.");
            }
        }
    }
}
