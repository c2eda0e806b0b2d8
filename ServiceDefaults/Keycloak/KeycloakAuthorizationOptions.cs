namespace Samverkan.ServiceDefaults.Keycloak;

// Keycloak.AuthServices' authorization options (same section as the adapter config).
public sealed class KeycloakAuthorizationOptions : KeycloakInstallationOptions
{
    // Upstream defaults to None; the platform maps realm and client roles so IsInRole and
    // [Authorize(Roles = ...)] work. Set "None" to get the upstream behaviour.
    public RolesClaimTransformationSource EnableRolesMapping { get; set; } = RolesClaimTransformationSource.All;

    // Client whose roles resource_access mapping reads; defaults to Resource.
    public string? RolesResource { get; set; }
    public string RoleClaimType { get; set; } = KeycloakConstants.RoleClaimType;
    public string OrganizationClaimType { get; set; } = KeycloakConstants.OrganizationClaimType;
}
