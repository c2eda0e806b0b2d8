namespace Samverkan.ServiceDefaults.Authorization;

// Claim names in the access tokens the platform accepts (Keycloak's shapes, see
// shared/reference/platform.md §4.5 and deploy/keycloak/README.md).
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string PreferredUsername = "preferred_username";
    public const string AuthorizedParty = "azp";
    public const string ClientId = "client_id";
    public const string RealmAccess = "realm_access";
    public const string ResourceAccess = "resource_access";

    // Keycloak organization membership mapper with organisation attributes:
    // {"falun": {"id": "...", "code": ["2080"], "kind": ["municipality"]}}.
    public const string Organization = "organization";

    // The user's unit (user attribute "unit", declared in the realm's user profile).
    public const string Unit = "unit";

    // Role claim type after Keycloak role mapping (Keycloak.AuthServices' default).
    public const string Role = "role";
}
