namespace Samverkan.ServiceDefaults.Keycloak;

// Keycloak.AuthServices' web API authentication options (same section as the adapter config).
public sealed class KeycloakAuthenticationOptions : KeycloakInstallationOptions
{
    public const string Section = "Keycloak";

    // Defaults to Resource.
    public string? Audience { get; set; }
    public IList<string> AdditionalAudiences { get; set; } = [];
    public string RoleClaimType { get; set; } = KeycloakConstants.RoleClaimType;
    public string NameClaimType { get; set; } = KeycloakConstants.NameClaimType;

    // Relative to the realm URL, e.g. ".well-known/oauth-authorization-server".
    public string? MetadataAddress { get; set; }
    public bool DisableRolesAccessTokenMapping { get; set; }

    // Extra issuers to accept besides the one in the discovery document (platform.md §4.6:
    // a public and an internal address of the same identity server).
    public IList<string> ValidIssuers { get; set; } = [];

    // Platform extension: how many validated access tokens to remember, and for how long at most
    // (never past the token's expiry), so repeated calls with one token skip signature checks
    // (ValidatedTokenCache). 0 turns the cache off.
    public int TokenValidationCacheSize { get; set; } = 4096;
    public TimeSpan TokenValidationCacheMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}
