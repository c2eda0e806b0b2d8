namespace Samverkan.Gateway.RateLimiting;

public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; } = 200;
    public int TokensPerPeriod { get; set; } = 100;
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
    public int QueueLimit { get; set; }
}
