using System.Diagnostics.Metrics;
using System.Security.Claims;

namespace Samverkan.Gateway.RateLimiting;

// Requests the gateway refused for a rate limit: samverkan.gateway.rate_limit.rejections, and the
// retries refused early from the penalty box (samverkan.gateway.early_refusals); rate_limit.rejections ({request},
// labels organisation = the caller's organisation aliases, or "anonymous" for per-address limits).
// Not the client id or address: an address can identify a person, a client id is unbounded.
public sealed class RateLimitMetrics
{
    public const string MeterName = "Samverkan.Gateway";
    public const string Anonymous = "anonymous";

    private readonly Counter<long> _rejections;
    private readonly Counter<long> _earlyRefusals;

    public RateLimitMetrics(IMeterFactory meters)
    {
        _rejections = meters.Create(MeterName).CreateCounter<long>("samverkan.gateway.rate_limit.rejections", "{request}",
            "Requests refused because the caller's rate limit was exhausted, by the caller's organisation.");
        _earlyRefusals = meters.Create(MeterName).CreateCounter<long>("samverkan.gateway.early_refusals", "{call}",
            "Calls refused before authentication because their token is still inside a rate-limit refusal's retry time.");
    }

    // Not per organisation: the call is refused before its token is read (EarlyRefusalMiddleware).
    public void EarlyRefused() => _earlyRefusals.Add(1);

    public void Rejected(ClaimsPrincipal user) => _rejections.Add(1, new KeyValuePair<string, object?>("organisation",
        user.Identity?.IsAuthenticated == true ? RateLimitPartitions.OrganisationOf(user) : Anonymous));
}
