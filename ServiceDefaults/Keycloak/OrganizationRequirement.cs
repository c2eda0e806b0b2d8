using Microsoft.AspNetCore.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

// Satisfied when the caller is a member of the organisation (by alias or id); without one, of any
// organisation. "{name}" is replaced by the route value or query parameter 'name'.
public sealed class OrganizationRequirement(string? organization = null) : IAuthorizationRequirement
{
    public string? Organization { get; } = organization;
}
