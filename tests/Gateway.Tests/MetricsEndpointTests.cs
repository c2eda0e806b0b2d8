using System.Net;
using Microsoft.Extensions.Configuration;
using Samverkan.Gateway.Tests.Infrastructure;

namespace Samverkan.Gateway.Tests;

// The gateway faces the outside world: Prometheus metrics are served on its management endpoint
// only, never on the ports the ingress exposes, whatever Host header a caller sends.
[Collection(GatewayCollection.Name)]
public sealed class MetricsEndpointTests(GatewayFixture gateway)
{
    [Fact]
    public async Task Metrics_are_served_on_the_management_endpoint()
    {
        using var http = new HttpClient { BaseAddress = gateway.ManagementAddress };

        var text = await http.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task Metrics_are_not_served_on_the_public_http_endpoint_even_with_the_management_host_header()
    {
        using var http = gateway.Http1Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Host = gateway.ManagementAddress.Authority;

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_are_not_served_on_the_public_tls_endpoint()
    {
        using var http = gateway.TlsHttpClient(HttpVersion.Version20);

        using var response = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9464", 9464)]
    [InlineData("http://+:9090", 9090)]
    [InlineData("http://*:9090/", 9090)]
    [InlineData("http://[::1]:7000", 7000)]
    [InlineData("http://127.0.0.1:0", null)]
    [InlineData("http://localhost", null)]
    [InlineData("", null)]
    public void The_management_port_is_read_from_the_endpoint_url(string url, int? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Kestrel:Endpoints:management:Url"] = url })
            .Build();

        Assert.Equal(expected, Microsoft.Extensions.Hosting.ManagementEndpoint.PortOf(configuration, "management"));
    }
}
