using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// The edge validates real tokens from the identity server and gates routes by realm role;
// the token itself is forwarded so the service can authorize the call again.
[Collection(GatewayCollection.Name)]
public sealed class AuthorizationTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_caller_with_the_routes_role_is_forwarded_with_its_token()
    {
        var token = await gateway.SystemTokenAsync("falun");
        var client = new Echo.EchoClient(gateway.Channel(token));

        var reply = await client.SayAsync(new EchoRequest { Message = "hej" });

        Assert.Equal("hej", reply.Message);
        Assert.Equal("echo", reply.Backend);
        Assert.Equal($"Bearer {token}", reply.Headers["authorization"]);
    }

    [Fact]
    public async Task A_valid_token_without_the_routes_role_is_PermissionDenied()
    {
        // sara.falk is a relative consultant; the echo route requires sip-participant.
        var client = new Echo.EchoClient(gateway.Channel(await gateway.UserTokenAsync("sara.falk")));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest { Message = "hej" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("sip-participant", error.Status.Detail);
    }

    [Fact]
    public async Task A_real_service_route_refuses_a_caller_without_its_roles_before_the_service()
    {
        // olof.stark is a personal ombudsman; the access log requires auditor.
        var invoker = gateway.Channel(await gateway.UserTokenAsync("olof.stark")).CreateCallInvoker();
        var method = new Method<byte[], byte[]>(MethodType.Unary, "samverkan.audit.v1.AccessLog", "GatewayProbe",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

        var error = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(method, null, new CallOptions(), []).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("auditor", error.Status.Detail);
    }

    [Fact]
    public async Task A_token_signed_by_someone_else_is_Unauthenticated()
    {
        // A well-formed JWT with a valid structure but a signature the identity server never made.
        var real = await gateway.SystemTokenAsync("falun");
        var parts = real.Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";
        var client = new Echo.EchoClient(gateway.Channel(forged));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest { Message = "hej" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
