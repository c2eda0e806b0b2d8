using Grpc.Core;
using Grpc.Health.V1;
using Samverkan.Gateway.Tests.Infrastructure;

namespace Samverkan.Gateway.Tests;

// Operators reach each service's grpc.health.v1 through the gateway without a token by naming the
// service (its resource name) in the x-samverkan-service header; without the header the gateway
// answers for itself.
[Collection(GatewayCollection.Name)]
public sealed class HealthRoutingTests(GatewayFixture gateway)
{
    public static TheoryData<string> Services => new(GatewayFixture.RealServices.Select(GatewayFixture.ResourceName));

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Health_of_each_real_service_is_reachable_anonymously_by_naming_it(string resource)
    {
        var client = new Health.HealthClient(gateway.Channel());

        var reply = await client.CheckAsync(new HealthCheckRequest(),
            new Metadata { { "x-samverkan-service", resource } }, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Health_reaches_the_named_service_and_not_another()
    {
        // The access-log stand-in has no health service: its Unimplemented answer names it, which
        // proves the header picked the access-log cluster.
        var client = new Health.HealthClient(gateway.Channel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest(),
            new Metadata { { "x-samverkan-service", "access-log" } }, deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        Assert.Contains("backend access-log", error.Status.Detail);
    }

    [Fact]
    public async Task Health_without_a_service_name_is_the_gateways_own()
    {
        var client = new Health.HealthClient(gateway.Channel());

        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Health_of_an_unknown_service_name_is_answered_by_the_gateway_not_forwarded()
    {
        var client = new Health.HealthClient(gateway.Channel());

        var reply = await client.CheckAsync(new HealthCheckRequest(),
            new Metadata { { "x-samverkan-service", "no-such-service" } }, deadline: DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
