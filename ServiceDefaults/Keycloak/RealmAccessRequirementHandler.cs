using Microsoft.AspNetCore.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

public sealed class RealmAccessRequirementHandler : AuthorizationHandler<RealmAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RealmAccessRequirement requirement)
    {
        if (KeycloakRoles.Realm(context.User).Intersect(requirement.Roles, StringComparer.Ordinal).Any()) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
