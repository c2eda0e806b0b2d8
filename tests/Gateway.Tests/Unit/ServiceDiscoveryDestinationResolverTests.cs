using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ServiceDiscovery;
using Samverkan.Gateway.Proxy;
using Yarp.ReverseProxy.Configuration;

namespace Samverkan.Gateway.Tests.Unit;

public sealed class ServiceDiscoveryDestinationResolverTests
{
    private static async Task<IReadOnlyDictionary<string, DestinationConfig>> ResolveAsync(
        Dictionary<string, string?> configuration, params (string Id, string Address)[] destinations)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddLogging()
            .AddServiceDiscovery()
            .BuildServiceProvider();
        var resolver = new ServiceDiscoveryDestinationResolver(
            services.GetRequiredService<ServiceEndpointResolver>(), NullLogger<ServiceDiscoveryDestinationResolver>.Instance);

        var result = await resolver.ResolveDestinationsAsync(
            destinations.ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.Address }), CancellationToken.None);
        return result.Destinations;
    }

    [Fact]
    public async Task A_service_name_resolves_to_every_configured_endpoint()
    {
        var resolved = await ResolveAsync(new()
        {
            ["services:sip-plans:http:0"] = "http://127.0.0.1:5301",
            ["services:sip-plans:http:1"] = "http://127.0.0.1:5302",
        }, ("d", "http://sip-plans"));

        Assert.Equal(["http://127.0.0.1:5301", "http://127.0.0.1:5302"], resolved.Values.Select(d => d.Address).Order());
    }

    [Fact]
    public async Task Https_is_preferred_when_the_address_allows_both_schemes()
    {
        var resolved = await ResolveAsync(new()
        {
            ["services:sip-plans:http:0"] = "http://localhost:5301",
            ["services:sip-plans:https:0"] = "https://localhost:7301",
        }, ("d", "https+http://sip-plans"));

        Assert.Equal("https://localhost:7301", Assert.Single(resolved.Values).Address);
    }

    [Fact]
    public async Task Http_is_used_when_only_http_is_configured()
    {
        var resolved = await ResolveAsync(new()
        {
            ["services:sip-plans:http:0"] = "http://localhost:5301",
        }, ("d", "https+http://sip-plans"));

        Assert.Equal("http://localhost:5301", Assert.Single(resolved.Values).Address);
    }

    [Fact]
    public async Task A_literal_address_passes_through_unchanged()
    {
        var resolved = await ResolveAsync(new(), ("d", "http://localhost:5000/"), ("e", "http://10.0.0.7/"));

        Assert.Equal("http://localhost:5000/", resolved["d"].Address);
        Assert.Equal("http://10.0.0.7/", resolved["e"].Address);
    }

    [Fact]
    public async Task An_unconfigured_service_falls_back_to_its_DNS_name()
    {
        var resolved = await ResolveAsync(new(), ("d", "https+http://portal"));

        Assert.Equal("https://portal", Assert.Single(resolved.Values).Address);
    }

    [Theory]
    [InlineData("http://sip-plans", true)]
    [InlineData("https+http://sip-plans/base/", true)]
    [InlineData("http://localhost:5000", false)]
    [InlineData("http://sip-plans:5000", false)]
    [InlineData("http://192.168.1.4", false)]
    [InlineData("http://[::1]:80", false)]
    [InlineData("not a url", false)]
    public void Only_portless_host_names_are_service_addresses(string address, bool isService)
    {
        Assert.Equal(isService, ServiceAddress.TryParse(address, out _));
    }

    [Fact]
    public void A_resolved_endpoint_keeps_the_address_path()
    {
        Assert.True(ServiceAddress.TryParse("https+http://portal/app/", out var service));

        Assert.Equal("https://portal.internal:8443/app/", service.AddressOf(new DnsEndPoint("portal.internal", 8443)));
        Assert.Equal("https://10.0.0.1:443/app/", service.AddressOf(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 443)));
        Assert.Equal("http://localhost:5301/app/", service.AddressOf(new UriEndPoint(new Uri("http://localhost:5301"))));
    }
}
