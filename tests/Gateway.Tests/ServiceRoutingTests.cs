using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Gateway.Tests;

// Each service's gRPC path reaches that service and no other.
[Collection(GatewayCollection.Name)]
public sealed class ServiceRoutingTests(GatewayFixture gateway)
{
    // Resource, its gRPC service, and a caller whose roles pass the route's policy.
    public static TheoryData<string, string, string> RealServiceRoutes => new()
    {
        { "discharge-notices", "samverkan.discharge.v1.DischargeNotices", "system:falun" },
        { "sip-plans", "samverkan.sip.v1.SipPlans", "system:falun" },
        { "relative-support", "samverkan.relatives.v1.RelativeSupport", "user:sara.falk" },
        { "personal-ombudsmen", "samverkan.ombud.v1.PersonalOmbudsmen", "user:olof.stark" },
        { "access-log", "samverkan.audit.v1.AccessLog", "user:eva.strom" },
    };

    [Theory]
    [MemberData(nameof(RealServiceRoutes))]
    public async Task A_service_path_reaches_the_real_service_process_of_that_resource(string resource, string service, string caller)
    {
        var method = $"GatewayProbe{Guid.NewGuid():N}";

        var error = await CallAsync($"/{service}/{method}", await TokenAsync(caller));

        // A process that hosts the service answers an unknown method "Method is unimplemented.";
        // the gateway, or a process without the service, answers "Service is unimplemented.". Each
        // service is hosted by its own resource only, so this answer came from that resource's process.
        // (gRPC no longer logs the unknown name: it is caller-chosen text, quieted by PrivacyLogFilters.)
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Method is unimplemented.", error.Status.Detail);
        Assert.False(gateway.Service(resource).Output.Contains(method, StringComparison.Ordinal), $"{resource} logged the caller's method name");
    }

    [Fact]
    public async Task An_unknown_gRPC_service_is_Unimplemented_at_the_gateway()
    {
        var error = await CallAsync("/samverkan.nothing.v1.Nothing/Call", await gateway.SystemTokenAsync("falun"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Service is unimplemented.", error.Status.Detail);
    }

    private async Task<RpcException> CallAsync(string path, string token)
    {
        var parts = path.Trim('/').Split('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, parts[0], parts[1], RawMarshaller, RawMarshaller);
        var invoker = gateway.Channel(token).CreateCallInvoker();
        return await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(10)), []).ResponseAsync);
    }

    private Task<string> TokenAsync(string caller) => caller.Split(':') switch
    {
        ["system", var alias] => gateway.SystemTokenAsync(alias),
        ["user", var username] => gateway.UserTokenAsync(username),
        _ => throw new ArgumentException(caller),
    };

    private static readonly Marshaller<byte[]> RawMarshaller = Marshallers.Create(b => b, b => b);
}
