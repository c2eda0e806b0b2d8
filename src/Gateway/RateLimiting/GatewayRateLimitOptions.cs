namespace Samverkan.Gateway.RateLimiting;

// "Gateway:RateLimiting" in configuration. Limits are token buckets: a caller may burst up to
// TokenLimit calls, then gets TokensPerPeriod calls per ReplenishmentPeriod.
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "Gateway:RateLimiting";

    // Authenticated routes: one bucket per client (azp/client_id) and organisation.
    public TokenBucketSettings PerClient { get; set; } = new();

    // Anonymous routes (health, portal): one bucket per remote address.
    public TokenBucketSettings PerIp { get; set; } = new();

    // Per-client overrides of PerClient, keyed by client id (e.g. a large municipal system).
    public Dictionary<string, TokenBucketSettings> Clients { get; set; } = new(StringComparer.Ordinal);
}
