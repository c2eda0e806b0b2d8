using Microsoft.AspNetCore.Authorization;

namespace Samverkan.Gateway.Security;

// The caller holds at least one of these realm roles. A coarse gate at the edge: the service
// behind the route still decides, per call, what this caller may do.
public sealed class AnyRealmRoleRequirement(IReadOnlyList<string> roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
