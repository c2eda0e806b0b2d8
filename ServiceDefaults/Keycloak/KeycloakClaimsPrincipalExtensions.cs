using System.Security.Claims;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.ServiceDefaults.Keycloak;

public static class KeycloakClaimsPrincipalExtensions
{
    // 'sub' as issued (MapInboundClaims is off platform-wide).
    public static string? GetUserId(this ClaimsPrincipal principal) => principal.FindFirst(PlatformClaims.Subject)?.Value;

    public static IReadOnlyList<OrganizationMembership> GetOrganizations(this ClaimsPrincipal principal) => OrganizationClaim.Parse(principal);

    public static bool IsMemberOf(this ClaimsPrincipal principal, string alias) =>
        OrganizationClaim.Parse(principal).Any(m => m.Alias == alias);

    public static bool IsMemberOfById(this ClaimsPrincipal principal, string id) =>
        OrganizationClaim.Parse(principal).Any(m => m.Id == id);
}
