using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// Server streams through the gateway. The test gateway's echo cluster has a 4 s ActivityTimeout
// (YARP's default is 100 s) and the unary echo route a 2 s route timeout, so a stream that lives
// ~10 s proves in seconds what production needs over hours:
//  1. a stream outlives many ActivityTimeouts as long as data flows (activity resets the timer),
//     and is not subject to the unary route timeout (its route has TimeoutPolicy "Disable");
//  2. the ActivityTimeout configured on the cluster, not YARP's 100 s default, is the one in force:
//     a stream idle for longer than it is cut (the control that makes test 1 meaningful).
// Production service clusters set ActivityTimeout to 1 h (checked by ShippedConfigurationTests), so
// streams idle for up to an hour pass, far past the 100 s default; dead peers are found by HTTP/2
// keep-alive pings on both legs instead.
[Collection(GatewayCollection.Name)]
public sealed class StreamingTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_flowing_stream_outlives_the_activity_timeout_and_the_unary_route_timeout()
    {
        var interval = GatewayTimings.ActivityTimeout / 4;
        var count = (int)(2.5 * GatewayTimings.ActivityTimeout / interval);
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));

        using var call = client.Stream(new StreamRequest { Count = count, IntervalMs = (int)interval.TotalMilliseconds });
        var sequences = new List<int>();
        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            sequences.Add(reply.Sequence);
        }

        Assert.Equal(Enumerable.Range(1, count), sequences);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task A_stream_idle_longer_than_the_clusters_activity_timeout_is_cut()
    {
        var gap = GatewayTimings.ActivityTimeout + TimeSpan.FromSeconds(3);
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));

        using var call = client.Stream(new StreamRequest { Count = 2, IntervalMs = (int)gap.TotalMilliseconds });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(1, call.ResponseStream.Current.Sequence);

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.NotEqual(StatusCode.OK, error.StatusCode);
    }
}
