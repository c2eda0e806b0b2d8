using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

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
    }
}
