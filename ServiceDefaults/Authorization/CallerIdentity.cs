using System.Security.Claims;
using System.Text.Json;

namespace Samverkan.ServiceDefaults.Authorization;

public enum OrganisationKind
{
    Municipality,
    Region,
}

// Who is calling, as every service needs it for its own authorization decisions: the person or
// system, the one organisation (huvudman) they act for, their unit and their realm roles.
// Built from a validated Keycloak access token; never from request fields.
public sealed record CallerIdentity(
    string Subject,
    string? Username,
    string? ClientId,
    bool IsServiceAccount,
    string OrganisationAlias,
    string OrganisationCode,
    OrganisationKind OrganisationKind,
    string? UnitId,
    IReadOnlySet<string> Roles)
{
    public bool HasRole(string role) => Roles.Contains(role);

    public bool HasAnyRole(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role)) return true;
        }
        return false;
    }

    // Returns null with a reason when the principal cannot act on the platform (not authenticated,
    // no organisation, or more than one organisation in the token).
    public static CallerIdentity? FromPrincipal(ClaimsPrincipal principal, out string? problem)
    {
        problem = null;
        if (principal.Identity?.IsAuthenticated != true)
        {
            problem = "The call carries no valid access token.";
            return null;
        }

        var subject = principal.FindFirst(PlatformClaims.Subject)?.Value
            ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            problem = "The access token has no 'sub' claim.";
            return null;
        }

        var organisations = OrganizationClaim.Parse(principal);
        if (organisations.Count != 1)
        {
            problem = organisations.Count == 0
                ? "The access token carries no organization; request the scope 'organization' (or 'organization:<alias>')."
                : "The access token carries several organizations; request 'organization:<alias>' for the one you act for.";
            return null;
        }

        var organisation = organisations[0];
        if (organisation.Code is null || organisation.Kind is null)
        {
            problem = $"Organization '{organisation.Alias}' in the token has no 'code' and 'kind' attributes.";
            return null;
        }

        var username = principal.FindFirst(PlatformClaims.PreferredUsername)?.Value;
        var clientId = principal.FindFirst(PlatformClaims.ClientId)?.Value
            ?? principal.FindFirst(PlatformClaims.AuthorizedParty)?.Value;
        var isServiceAccount = username?.StartsWith("service-account-", StringComparison.Ordinal) == true;

        return new CallerIdentity(
            subject,
            username,
            clientId,
            isServiceAccount,
            organisation.Alias,
            organisation.Code,
            organisation.Kind.Value,
            principal.FindFirst(PlatformClaims.Unit)?.Value,
            RealmRoles(principal));
    }

    // Realm roles straight from Keycloak's realm_access claim, plus any already-mapped role claims,
    // so the answer does not depend on whether a claims transformation ran.
    private static HashSet<string> RealmRoles(ClaimsPrincipal principal)
    {
        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in principal.FindAll(PlatformClaims.Role)) roles.Add(claim.Value);
        foreach (var claim in principal.FindAll(ClaimTypes.Role)) roles.Add(claim.Value);

        var realmAccess = principal.FindFirst(PlatformClaims.RealmAccess)?.Value;
        if (string.IsNullOrEmpty(realmAccess)) return roles;
        try
        {
            using var doc = JsonDocument.Parse(realmAccess);
            if (doc.RootElement.TryGetProperty("roles", out var array) && array.ValueKind == JsonValueKind.Array)
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
        return roles;
    }
}
