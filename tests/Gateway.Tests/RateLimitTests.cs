using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;
using Samverkan.TestSupport.Telemetry;

namespace Samverkan.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_client_over_its_limit_gets_ResourceExhausted_while_another_client_is_served()
    {
        // system-mora may burst GatewayTimings.LimitedClientBurst calls, then one per hour.
        var limited = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("mora")));
        var other = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        using var management = new HttpClient { BaseAddress = gateway.ManagementAddress };
        var rejectedBefore = (await PrometheusText.ScrapeAsync(management)).Sum(RejectionsMetric, ("organisation", "mora"));

        for (var i = 0; i < GatewayTimings.LimitedClientBurst; i++)
        {
            await limited.SayAsync(new EchoRequest { Message = $"call {i}" });
        }
        var call = limited.SayAsync(new EchoRequest { Message = "one too many" });
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains(GatewayFixture.RateLimitedSystem, error.Status.Detail);
        Assert.Contains("retry in", error.Status.Detail);
        Assert.NotNull(error.Trailers.GetValue("grpc-retry-pushback-ms"));
        var retryInfo = error.GetRpcStatus()?.GetDetail<Google.Rpc.RetryInfo>();
        Assert.NotNull(retryInfo);
        Assert.True(retryInfo.RetryDelay.ToTimeSpan() >= TimeSpan.FromSeconds(1));

        var served = await other.SayAsync(new EchoRequest { Message = "still served" });
        Assert.Equal("still served", served.Message);

        // Issue #21: counted once, under the caller's organisation (not its client id or address).
        var metrics = await PrometheusText.ScrapeUntilAsync(management, m => m.Sum(RejectionsMetric, ("organisation", "mora")) >= rejectedBefore + 1);
        Assert.Equal(rejectedBefore + 1, metrics.Sum(RejectionsMetric, ("organisation", "mora")));
        Assert.Equal(0, metrics.Sum(RejectionsMetric, ("organisation", "falun")));
    }

    private const string RejectionsMetric = "samverkan_gateway_rate_limit_rejections_total";
}
