using System.Security.Claims;
using System.Text.Json;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.Gateway.Security;

// The caller's Keycloak realm roles: mapped role claims if a claims transformation ran, and the
// roles inside the realm_access claim either way (the same reading as CallerIdentity).
public static class RealmRoles
{
    public static HashSet<string> Of(ClaimsPrincipal principal)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(PlatformClaims.Role)) roles.Add(claim.Value);
        foreach (var claim in principal.FindAll(ClaimTypes.Role)) roles.Add(claim.Value);

        foreach (var claim in principal.FindAll(PlatformClaims.RealmAccess))
        {
            try
            {
                using var doc = JsonDocument.Parse(claim.Value);
                if (doc.RootElement.ValueKind == JsonValueKind.Object &&
                    doc.RootElement.TryGetProperty("roles", out var array) &&
                    array.ValueKind == JsonValueKind.Array)
                {
                    foreach (var role in array.EnumerateArray())
                    {
                        if (role.ValueKind == JsonValueKind.String) roles.Add(role.GetString()!);
                    }
                }
            }
            catch (JsonException)
            {
                // A malformed realm_access claim grants nothing.
            }
        }
        return roles;
    }
}
