using Microsoft.AspNetCore.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

// Satisfied when resource_access.{client}.roles holds any of the roles. Without a client, the
// configured RolesResource or Resource is used.
public sealed class ResourceAccessRequirement(string? client, params string[] roles) : IAuthorizationRequirement
{
    public string? Client { get; } = client;
    public IReadOnlyList<string> Roles { get; } = roles;
}
