using Grpc.Core;
using Samverkan.Gateway.Tests.Backend;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// Deadlines and cancellation cross the gateway: the service stops working on calls nobody waits for.
[Collection(GatewayCollection.Name)]
public sealed class DeadlineTests(GatewayFixture gateway)
{
    private static readonly TimeSpan BackendSeesItWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_short_deadline_ends_DeadlineExceeded_and_the_backend_sees_the_cancellation()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var callId = Guid.NewGuid().ToString("N");
        // Connection, signing keys and token validation warmed up first, so the short deadline below
        // is spent at the backend, not on a slow first call on a loaded machine.
        await client.SayAsync(new EchoRequest { Message = "warm-up" });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SlowAsync(
            new SlowRequest { CallId = callId, DelayMs = 60_000 }, deadline: DateTime.UtcNow.AddMilliseconds(700)).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(SlowCallOutcome.Cancelled, await gateway.Echo.State.SlowCallOutcome(callId).WaitAsync(BackendSeesItWithin));
    }

    [Fact]
    public async Task The_deadline_itself_reaches_the_backend_as_grpc_timeout()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));

        var reply = await client.SayAsync(new EchoRequest { Message = "deadline" }, deadline: DateTime.UtcNow.AddSeconds(5));

        Assert.NotEqual("", reply.Headers["grpc-timeout"]);
        Assert.InRange(reply.DeadlineRemainingMs, 1, 5_000);
    }

    [Fact]
    public async Task A_caller_cancelling_cancels_the_backend_call()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var callId = Guid.NewGuid().ToString("N");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SlowAsync(
            new SlowRequest { CallId = callId, DelayMs = 60_000 }, cancellationToken: cancel.Token).ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal(SlowCallOutcome.Cancelled, await gateway.Echo.State.SlowCallOutcome(callId).WaitAsync(BackendSeesItWithin));
    }

    [Fact]
    public async Task The_routes_timeout_ends_a_call_without_deadline_DeadlineExceeded_and_cancels_the_backend()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var callId = Guid.NewGuid().ToString("N");
        // Connection, signing keys and token validation warmed up first, so the short deadline below
        // is spent at the backend, not on a slow first call on a loaded machine.
        await client.SayAsync(new EchoRequest { Message = "warm-up" });

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SlowAsync(
            new SlowRequest { CallId = callId, DelayMs = 60_000 }).ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("gateway's time limit", error.Status.Detail);
        Assert.Equal(SlowCallOutcome.Cancelled, await gateway.Echo.State.SlowCallOutcome(callId).WaitAsync(BackendSeesItWithin));
    }

    [Fact]
    public async Task A_call_within_the_route_timeout_completes()
    {
        var client = new Echo.EchoClient(gateway.Channel(await gateway.SystemTokenAsync("falun")));
        var callId = Guid.NewGuid().ToString("N");

        var reply = await client.SlowAsync(new SlowRequest { CallId = callId, DelayMs = 200 });

        Assert.Equal(callId, reply.Message);
        Assert.Equal(SlowCallOutcome.Completed, await gateway.Echo.State.SlowCallOutcome(callId));
    }
}
