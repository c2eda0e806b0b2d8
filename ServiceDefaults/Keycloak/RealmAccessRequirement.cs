using Microsoft.AspNetCore.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

// Satisfied when realm_access.roles holds any of the roles (no role mapping needed).
public sealed class RealmAccessRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
