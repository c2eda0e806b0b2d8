using System.Diagnostics.Metrics;
using System.Security.Claims;

namespace Samverkan.Gateway.RateLimiting;

// Requests the gateway refused for a rate limit: samverkan.gateway.rate_limit.rejections ({request},
// labels organisation = the caller's organisation aliases, or "anonymous" for per-address limits).
// Not the client id or address: an address can identify a person, a client id is unbounded.
public sealed class RateLimitMetrics
{
    public const string MeterName = "Samverkan.Gateway";
    public const string Anonymous = "anonymous";

    private readonly Counter<long> _rejections;

    public RateLimitMetrics(IMeterFactory meters)
    {
        _rejections = meters.Create(MeterName).CreateCounter<long>("samverkan.gateway.rate_limit.rejections", "{request}",
            "Requests refused because the caller's rate limit was exhausted, by the caller's organisation.");
    }

    public void Rejected(ClaimsPrincipal user) => _rejections.Add(1, new KeyValuePair<string, object?>("organisation",
        user.Identity?.IsAuthenticated == true ? RateLimitPartitions.OrganisationOf(user) : Anonymous));
}
