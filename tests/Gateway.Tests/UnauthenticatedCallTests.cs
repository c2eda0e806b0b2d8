using System.Net;
using Grpc.Core;
using Samverkan.Gateway.Tests.Infrastructure;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests;

// Calls without a usable token never reach a service and get gRPC Unauthenticated (never a
// redirect, never a bare HTTP status).
[Collection(GatewayCollection.Name)]
public sealed class UnauthenticatedCallTests(GatewayFixture gateway)
{
    [Fact]
    public async Task A_call_without_a_token_is_Unauthenticated()
    {
        var client = new Echo.EchoClient(gateway.Channel());

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest { Message = "hi" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("no access token", error.Status.Detail);
    }

    [Fact]
    public async Task A_call_with_a_malformed_token_is_Unauthenticated()
    {
        var client = new Echo.EchoClient(gateway.Channel(accessToken: "not-a-jwt"));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.SayAsync(new EchoRequest { Message = "hi" }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("access token", error.Status.Detail);
    }

    [Fact]
    public async Task The_refusal_is_a_gRPC_trailers_only_response_not_a_bare_401()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.GrpcAddress, "/samverkan.sip.v1.SipPlans/Anything"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("16", response.Headers.GetValues("grpc-status").Single());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_JSON_route_without_a_token_gets_401_and_no_redirect()
    {
        using var http = gateway.Http1Client();

        using var response = await http.GetAsync("/api/sip/v1/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
