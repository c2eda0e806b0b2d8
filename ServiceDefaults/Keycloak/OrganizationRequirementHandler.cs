using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

public sealed class OrganizationRequirementHandler(IHttpContextAccessor httpContextAccessor) : AuthorizationHandler<OrganizationRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganizationRequirement requirement)
    {
        var memberships = OrganizationClaim.Parse(context.User);
        var wanted = Resolve(requirement.Organization, context.Resource as HttpContext ?? httpContextAccessor.HttpContext);
        if (wanted is null ? memberships.Count > 0 : memberships.Any(m => m.Alias == wanted || m.Id == wanted))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }

    private static string? Resolve(string? organization, HttpContext? http)
    {
        if (organization is not { Length: > 2 } || organization[0] != '{' || organization[^1] != '}') return organization;
        var name = organization[1..^1];
        if (http?.Request.RouteValues.TryGetValue(name, out var routeValue) == true) return routeValue?.ToString();
        return http?.Request.Query.TryGetValue(name, out var queryValue) == true ? queryValue.ToString() : "\0unresolved";
    }
}
