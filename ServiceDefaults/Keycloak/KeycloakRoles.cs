using System.Security.Claims;
using System.Text.Json;

namespace Samverkan.ServiceDefaults.Keycloak;

// Reads roles straight from Keycloak's JSON claims; a malformed claim grants nothing.
public static class KeycloakRoles
{
    public static IReadOnlyList<string> Realm(ClaimsPrincipal principal) =>
        Read(principal.FindFirst(KeycloakConstants.RealmAccessClaimType)?.Value, root => root);

    public static IReadOnlyList<string> Resource(ClaimsPrincipal principal, string client) =>
        Read(principal.FindFirst(KeycloakConstants.ResourceAccessClaimType)?.Value,
            root => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(client, out var entry) ? entry : default);

    private static IReadOnlyList<string> Read(string? json, Func<JsonElement, JsonElement> select)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            var holder = select(document.RootElement);
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            return roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
