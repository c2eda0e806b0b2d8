using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Samverkan.TestSupport.Processes;

namespace Samverkan.Gateway.Tests.Unit;

// The gateway's appsettings.json is its routing table; these rules keep it safe as it grows.
public sealed partial class ShippedConfigurationTests
{
    private static readonly IConfigurationRoot Settings = new ConfigurationBuilder()
        .AddJsonFile(RepositoryPaths.Combine("src/Gateway/appsettings.json"))
        .Build();

    private static IEnumerable<IConfigurationSection> Routes => Settings.GetSection("ReverseProxy:Routes").GetChildren();
    private static IEnumerable<IConfigurationSection> Clusters => Settings.GetSection("ReverseProxy:Clusters").GetChildren();

    [Fact]
    public void Every_service_cluster_speaks_HTTP2_exactly_and_outlives_YARPs_100_second_activity_default()
    {
        foreach (var cluster in Clusters.Where(c => c.Key != "portal"))
        {
            Assert.Equal("2", cluster["HttpRequest:Version"]);
            Assert.Equal("RequestVersionExact", cluster["HttpRequest:VersionPolicy"]);
            Assert.True(TimeSpan.Parse(cluster["HttpRequest:ActivityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.FromSeconds(100),
                $"cluster {cluster.Key} would cut quiet server streams");
        }
    }

    [Fact]
    public void Every_gRPC_and_JSON_route_requires_a_defined_role_policy_and_the_per_client_limit()
    {
        var policies = Settings.GetSection("Gateway:Authorization:Policies").GetChildren().Select(p => p.Key).ToHashSet();
        foreach (var route in Routes.Where(r => r.Key.EndsWith("-grpc", StringComparison.Ordinal) || r.Key.EndsWith("-json", StringComparison.Ordinal)))
        {
            Assert.Contains(route["AuthorizationPolicy"] ?? "", policies);
            Assert.Equal("per-client", route["RateLimiterPolicy"]);
            Assert.NotNull(route["Timeout"] ?? route["TimeoutPolicy"]);
        }
    }

    [Fact]
    public void Only_health_and_the_portal_are_anonymous_and_only_the_portal_gets_cookies()
    {
        foreach (var route in Routes)
        {
            var anonymous = string.Equals(route["AuthorizationPolicy"], "Anonymous", StringComparison.OrdinalIgnoreCase);
            var isHealth = route["Match:Path"] == "/grpc.health.v1.Health/{**method}";
            Assert.Equal(isHealth || route.Key == "portal", anonymous);
            if (isHealth)
            {
                Assert.Equal("x-samverkan-service", route["Match:Headers:0:Name"]);
                Assert.Equal(route["ClusterId"], route["Match:Headers:0:Values:0"]);
            }
            Assert.Equal(route.Key == "portal", route["Metadata:Samverkan.ForwardCookies"] == "true");
        }
    }

    [Fact]
    public void Every_gRPC_service_in_the_contracts_has_a_route_to_its_cluster()
    {
        var routed = Routes.Select(r => r["Match:Path"]).ToHashSet();
        var protos = Directory.EnumerateFiles(RepositoryPaths.Combine("src/Contracts/Protos"), "*.proto", SearchOption.AllDirectories);
        foreach (var proto in protos)
        {
            var text = File.ReadAllText(proto);
            var package = PackagePattern().Match(text).Groups[1].Value;
            foreach (Match service in ServicePattern().Matches(text))
            {
                Assert.Contains($"/{package}.{service.Groups[1].Value}/{{**method}}", routed);
            }
        }
    }

    [GeneratedRegex(@"^package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^service\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
