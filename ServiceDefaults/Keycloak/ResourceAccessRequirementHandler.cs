using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Samverkan.ServiceDefaults.Keycloak;

public sealed class ResourceAccessRequirementHandler(IOptions<KeycloakAuthorizationOptions> options) : AuthorizationHandler<ResourceAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ResourceAccessRequirement requirement)
    {
        var client = requirement.Client ?? options.Value.RolesResource ?? options.Value.Resource;
        if (string.IsNullOrEmpty(client))
        {
            throw new KeycloakException("RequireResourceRoles needs a client: set Keycloak:resource or Keycloak:RolesResource, or use RequireResourceRolesForClient.");
        }
        if (KeycloakRoles.Resource(context.User, client).Intersect(requirement.Roles, StringComparer.Ordinal).Any()) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
