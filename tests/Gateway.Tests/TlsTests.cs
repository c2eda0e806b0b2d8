using System.Net;
using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// The gateway's TLS endpoint: native gRPC over HTTP/2 negotiated by ALPN, HTTP/1.1 for browsers and
// probes, the same token checks as on h2c. The client trusts only the test certificate (pinned).
[Collection(GatewayCollection.Name)]
public sealed class TlsTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Native_gRPC_over_TLS_reaches_the_service_and_the_service_learns_the_call_came_over_https()
    {
        var client = new Echo.EchoClient(gateway.TlsChannel(await gateway.SystemTokenAsync("falun")));

        var reply = await client.SayAsync(new EchoRequest { Message = "över tls" });

        Assert.Equal("över tls", reply.Message);
        Assert.Equal("https", reply.Headers["x-forwarded-proto"]);
    }

    [Fact]
    public async Task A_call_over_TLS_without_a_token_is_Unauthenticated()
    {
        var client = new Echo.EchoClient(gateway.TlsChannel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task The_TLS_endpoint_speaks_HTTP_1_1_and_HTTP_2(string version)
    {
        using var http = gateway.TlsHttpClient(Version.Parse(version));

        using var response = await http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_is_refused_the_connection()
    {
        using var http = new HttpClient { BaseAddress = gateway.HttpsAddress };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/alive"));

        Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException);
    }
}
