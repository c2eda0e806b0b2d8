namespace Samverkan.ServiceDefaults.Keycloak;

public static class KeycloakConstants
{
    public const string ConfigurationSection = "Keycloak";
    public const string RoleClaimType = "role";
    public const string NameClaimType = "preferred_username";
    public const string RealmAccessClaimType = "realm_access";
    public const string ResourceAccessClaimType = "resource_access";
    public const string OrganizationClaimType = "organization";
    public const string TokenTypeClaimType = "typ";
    public const string AccessTokenType = "Bearer";
}
