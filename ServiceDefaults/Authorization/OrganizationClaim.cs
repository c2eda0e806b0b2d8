using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;

namespace Samverkan.ServiceDefaults.Authorization;

// One membership from Keycloak's "organization" claim.
public sealed record OrganizationMembership(string Alias, string? Id, string? Code, OrganisationKind? Kind);

// Reads Keycloak's organization claim in both shapes it takes (platform.md §4.3):
// an array of aliases (one claim per alias) or an object keyed by alias carrying id and
// attributes (one claim whose value is JSON).
// A caller's claim is the same JSON text on every call and is read several times per call, so
// parsed claim values are remembered by their text (bounded; memberships are immutable records).
public static class OrganizationClaim
{
    private const int MaxRemembered = 1024;
    private static readonly ConcurrentDictionary<string, OrganizationMembership[]> Parsed = new(StringComparer.Ordinal);

    public static IReadOnlyList<OrganizationMembership> Parse(ClaimsPrincipal principal)
    {
        var result = new List<OrganizationMembership>();
        foreach (var claim in principal.FindAll(PlatformClaims.Organization))
        {
            result.AddRange(ParseValue(claim.Value));
        }
        return result;
    }

    private static OrganizationMembership[] ParseValue(string claimValue)
    {
        if (Parsed.TryGetValue(claimValue, out var memberships)) return memberships;

        var result = new List<OrganizationMembership>();
        var value = claimValue.Trim();
        if (value.StartsWith('{'))
        {
            ParseObject(value, result);
        }
        else if (value.StartsWith('['))
        {
            ParseArray(value, result);
        }
        else if (value.Length > 0)
        {
            result.Add(new OrganizationMembership(value, null, null, null));
        }
        memberships = [.. result];
        if (Parsed.Count >= MaxRemembered) Parsed.Clear();
        Parsed.TryAdd(claimValue, memberships);
        return memberships;
    }

    private static void ParseObject(string json, List<OrganizationMembership> result)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var org in doc.RootElement.EnumerateObject())
            {
                string? id = null, code = null;
                OrganisationKind? kind = null;
                if (org.Value.ValueKind == JsonValueKind.Object)
                {
                    id = StringOrFirst(org.Value, "id");
                    code = StringOrFirst(org.Value, "code");
                    kind = StringOrFirst(org.Value, "kind") switch
                    {
                        "municipality" => OrganisationKind.Municipality,
                        "region" => OrganisationKind.Region,
                        _ => null,
                    };
                }
                result.Add(new OrganizationMembership(org.Name, id, code, kind));
            }
        }
        catch (JsonException)
        {
            // A malformed claim yields no membership.
        }
    }

    private static void ParseArray(string json, List<OrganizationMembership> result)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var alias in doc.RootElement.EnumerateArray())
            {
                if (alias.ValueKind == JsonValueKind.String)
                {
                    result.Add(new OrganizationMembership(alias.GetString()!, null, null, null));
                }
            }
        }
        catch (JsonException)
        {
        }
    }

    // Keycloak exports attributes as lists ("code": ["2080"]); the id is a plain string.
    private static string? StringOrFirst(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            _ => null,
        };
    }
}
