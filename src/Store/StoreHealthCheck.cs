using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Samverkan.Store;

// Readiness of the store: a PING round trip on the shared connection.
internal sealed class StoreHealthCheck(IConnectionMultiplexer connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer PING.", e);
        }
    }
}
