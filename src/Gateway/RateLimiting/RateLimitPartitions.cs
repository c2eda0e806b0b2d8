using System.Net;
using System.Security.Claims;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.Gateway.RateLimiting;

// Who a request counts against. Client ids and organisation aliases name systems and
// authorities, not people, so they may appear in logs and metrics.
public static class RateLimitPartitions
{
    public const string UnknownClient = "unknown-client";

    public static string ClientOf(ClaimsPrincipal user) =>
        user.FindFirst(PlatformClaims.AuthorizedParty)?.Value
        ?? user.FindFirst(PlatformClaims.ClientId)?.Value
        ?? UnknownClient;

    public static string OrganisationOf(ClaimsPrincipal user)
    {
        var aliases = OrganizationClaim.Parse(user).Select(m => m.Alias).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var joined = string.Join(",", aliases);
        return joined.Length > 0 ? joined : "no-organisation";
    }

    public static string ClientKey(ClaimsPrincipal user) => $"client:{ClientOf(user)}|org:{OrganisationOf(user)}";

    public static string AddressKey(IPAddress? address) => $"ip:{address?.ToString() ?? "unknown"}";
}
