using Microsoft.AspNetCore.Authorization;

namespace Samverkan.Gateway.Security;

public sealed class AnyRealmRoleHandler : AuthorizationHandler<AnyRealmRoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AnyRealmRoleRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var roles = RealmRoles.Of(context.User);
        if (requirement.Roles.Any(roles.Contains))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this,
                $"This service requires one of the roles {string.Join(", ", requirement.Roles)}; the access token carries none of them."));
        }
        return Task.CompletedTask;
    }
}
