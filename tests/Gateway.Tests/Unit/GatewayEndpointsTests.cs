using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Samverkan.Gateway.Tests.Unit;

public sealed class GatewayEndpointsTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] values) =>
        GatewayEndpointsExtensions.KestrelEndpointSettings(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Aspire_style_endpoints_are_kept_and_the_grpc_one_becomes_HTTP2_only()
    {
        var settings = Settings(
            ("Kestrel:Endpoints:http:Url", "http://localhost:5200"),
            ("Kestrel:Endpoints:grpc:Url", "http://localhost:5201"));

        Assert.Equal("Http2", settings["Kestrel:Endpoints:grpc:Protocols"]);
        Assert.False(settings.ContainsKey("Kestrel:Endpoints:http:Protocols"));
        Assert.False(settings.ContainsKey("Kestrel:Endpoints:grpc:Url"));
    }

    [Fact]
    public void Explicit_protocols_of_a_grpc_endpoint_are_respected()
    {
        var settings = Settings(
            ("Kestrel:Endpoints:grpc:Url", "https://localhost:5201"),
            ("Kestrel:Endpoints:grpc:Protocols", "Http1AndHttp2"));

        Assert.Empty(settings);
    }

    [Fact]
    public void ASPNETCORE_URLS_and_GRPC_URLS_become_an_http_and_an_h2c_endpoint()
    {
        var settings = Settings(
            ("urls", "http://localhost:5200;https://localhost:7200"),
            ("GRPC_URLS", "http://localhost:5201"));

        Assert.Equal("http://localhost:5200", settings["Kestrel:Endpoints:http:Url"]);
        Assert.Equal("https://localhost:7200", settings["Kestrel:Endpoints:http1:Url"]);
        Assert.Equal("http://localhost:5201", settings["Kestrel:Endpoints:grpc:Url"]);
        Assert.Equal("Http2", settings["Kestrel:Endpoints:grpc:Protocols"]);
        Assert.Equal("", settings["urls"]);
    }

    [Fact]
    public void GRPC_PORT_is_short_for_a_loopback_h2c_endpoint()
    {
        var settings = Settings(("urls", "http://localhost:5200"), ("GRPC_PORT", "5201"));

        Assert.Equal("http://localhost:5201", settings["Kestrel:Endpoints:grpc:Url"]);
        Assert.Equal("http://localhost:5200", settings["Kestrel:Endpoints:http:Url"]);
    }

    [Fact]
    public void Without_a_grpc_endpoint_nothing_changes()
    {
        Assert.Empty(Settings(("urls", "http://localhost:5200")));
        Assert.Empty(Settings(("urls", "http://localhost:5200"), ("GRPC_PORT", "not-a-port")));
    }
}
