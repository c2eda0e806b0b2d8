using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Keycloak;

// Copies Keycloak roles into role claims (realm_access.roles and/or resource_access.{client}.roles)
// so IsInRole and [Authorize(Roles = ...)] work. Idempotent: claims transformations run on every
// AuthenticateAsync, so a role already present is not added again.
public sealed class KeycloakRolesClaimsTransformation(IOptions<KeycloakAuthorizationOptions> options) : IClaimsTransformation
{
    public Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        var settings = options.Value;
        if (settings.EnableRolesMapping == RolesClaimTransformationSource.None || principal.Identity is not ClaimsIdentity identity)
        {
            return Task.FromResult(principal);
        }

        var roles = new List<string>();
        if (settings.EnableRolesMapping.HasFlag(RolesClaimTransformationSource.Realm))
        {
            roles.AddRange(KeycloakRoles.Realm(principal));
        }
        if (settings.EnableRolesMapping.HasFlag(RolesClaimTransformationSource.ResourceAccess)
            && (settings.RolesResource ?? settings.Resource) is { Length: > 0 } resource)
        {
            roles.AddRange(KeycloakRoles.Resource(principal, resource));
        }

        foreach (var role in roles)
        {
            if (!identity.HasClaim(c => c.Type == settings.RoleClaimType && string.Equals(c.Value, role, StringComparison.OrdinalIgnoreCase)))
            {
                identity.AddClaim(new Claim(settings.RoleClaimType, role));
            }
        }
        return Task.FromResult(principal);
    }
}
