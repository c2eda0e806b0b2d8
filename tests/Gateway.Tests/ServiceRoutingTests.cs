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
    };

    [Theory]
    [MemberData(nameof(RealServiceRoutes))]
    public async Task A_service_path_reaches_the_real_service_process_of_that_resource(string resource, string service, string caller)
    {
        var method = $"GatewayProbe{Guid.NewGuid():N}";

        var error = await CallAsync($"/{service}/{method}", await TokenAsync(caller));

        // The service answered (its method does not exist), and it was this resource's process that
        // did: gRPC logs the unknown call there. A call the gateway answered itself, or sent to
        // another service, would leave no such line in this process.
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        var process = gateway.Service(resource);
        Assert.True(await LoggedAsync(process, line => line.Contains("is unimplemented", StringComparison.Ordinal) &&
                (line.Contains(method, StringComparison.Ordinal) || line.Contains($"'{service}'", StringComparison.Ordinal))),
            $"{resource} did not log the call:\n{process.Output}");
    }

    [Fact]
    public async Task The_access_log_path_reaches_the_access_log_cluster()
    {
        var error = await CallAsync("/samverkan.audit.v1.AccessLog/GatewayProbe", await gateway.UserTokenAsync("eva.strom"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("backend access-log has no /samverkan.audit.v1.AccessLog/GatewayProbe", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_gRPC_service_is_Unimplemented_at_the_gateway()
    {
        var error = await CallAsync("/samverkan.nothing.v1.Nothing/Call", await gateway.SystemTokenAsync("falun"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Equal("Service is unimplemented.", error.Status.Detail);
    }

    private static async Task<bool> LoggedAsync(DotnetProcess process, Func<string, bool> matches)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (process.Output.Split('\n').Any(matches)) return true;
            await Task.Delay(100);
        }
        return false;
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
