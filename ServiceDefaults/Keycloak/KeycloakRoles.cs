using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;

namespace Samverkan.ServiceDefaults.Keycloak;

// Reads roles straight from Keycloak's JSON claims; a malformed claim grants nothing.
// The role claims of one client or user are the same JSON text on every call, and they are read
// several times per call (claims transformation, policy handlers), so parsed role lists are
// remembered by their JSON text (bounded; the lists are read-only and shared).
public static class KeycloakRoles
{
    private const int MaxRemembered = 1024;
    private static readonly ConcurrentDictionary<(string Json, string? Client), IReadOnlyList<string>> Parsed = new();

    public static IReadOnlyList<string> Realm(ClaimsPrincipal principal) =>
        Read(principal.FindFirst(KeycloakConstants.RealmAccessClaimType)?.Value, client: null);

    public static IReadOnlyList<string> Resource(ClaimsPrincipal principal, string client) =>
        Read(principal.FindFirst(KeycloakConstants.ResourceAccessClaimType)?.Value, client);

    private static IReadOnlyList<string> Read(string? json, string? client)
    {
        if (string.IsNullOrEmpty(json)) return [];
        if (Parsed.TryGetValue((json, client), out var roles)) return roles;

        roles = Parse(json, client);
        if (Parsed.Count >= MaxRemembered) Parsed.Clear();
        Parsed.TryAdd((json, client), roles);
        return roles;
    }

    // client null: realm_access {"roles": [...]}; otherwise resource_access {"<client>": {"roles": [...]}}.
    private static IReadOnlyList<string> Parse(string json, string? client)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var holder = document.RootElement;
            if (client is not null)
            {
                holder = holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty(client, out var entry) ? entry : default;
            }
            if (holder.ValueKind != JsonValueKind.Object || !holder.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            return roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToArray().AsReadOnly();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
