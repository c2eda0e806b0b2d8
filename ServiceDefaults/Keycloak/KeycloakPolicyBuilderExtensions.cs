using Microsoft.AspNetCore.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

// Policy helpers of Keycloak.AuthServices.Authorization; they read the token's JSON claims
// directly and do not depend on role mapping.
public static class KeycloakPolicyBuilderExtensions
{
    public static AuthorizationPolicyBuilder RequireRealmRoles(this AuthorizationPolicyBuilder builder, params string[] roles) =>
        builder.RequireClaim(KeycloakConstants.RealmAccessClaimType).AddRequirements(new RealmAccessRequirement(roles));

    public static AuthorizationPolicyBuilder RequireResourceRoles(this AuthorizationPolicyBuilder builder, params string[] roles) =>
        builder.RequireClaim(KeycloakConstants.ResourceAccessClaimType).AddRequirements(new ResourceAccessRequirement(null, roles));

    public static AuthorizationPolicyBuilder RequireResourceRolesForClient(this AuthorizationPolicyBuilder builder, string client, params string[] roles) =>
        builder.RequireClaim(KeycloakConstants.ResourceAccessClaimType).AddRequirements(new ResourceAccessRequirement(client, roles));

    public static AuthorizationPolicyBuilder RequireOrganizationMembership(this AuthorizationPolicyBuilder builder, string? organization = null) =>
        builder.AddRequirements(new OrganizationRequirement(organization));
}
