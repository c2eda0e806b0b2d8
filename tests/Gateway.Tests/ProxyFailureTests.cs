using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;

namespace Samverkan.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ProxyFailureTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_service_that_is_down_is_Unavailable_with_a_message_naming_it()
    {
        var invoker = gateway.Channel(await gateway.SystemTokenAsync("falun")).CreateCallInvoker();
        var method = new Method<byte[], byte[]>(MethodType.Unary, "samverkan.gatewaytest.v1.Down", "Call",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), []).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("'down' could not be reached", error.Status.Detail);
    }
}
