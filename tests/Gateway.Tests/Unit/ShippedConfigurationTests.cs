using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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
        // Defined in code from PlatformRoles.AccessLogCallers (the access log's own rule).
        policies.Add(GatewayAuthenticationExtensions.AccessLogCallerPolicy);
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

    [Theory]
    [InlineData("  rpc Watch (WatchRequest) returns (stream Notice);", true)]
    [InlineData("  rpc Upload (stream Chunk) returns (UploadReply);", true)]
    [InlineData("  rpc Get (GetRequest) returns (samverkan.common.v1.Plan);", false)]
    public void Streaming_RPCs_are_recognised(string line, bool streaming)
    {
        var rpc = StreamingRpcPattern().Match(line);
        Assert.True(rpc.Success);
        Assert.Equal(streaming, rpc.Groups[2].Success || rpc.Groups[3].Success);
    }

    [Fact]
    public void Every_streaming_RPC_in_the_contracts_has_its_own_route_without_a_route_timeout()
    {
        // The service route's 30 s timeout is for unary calls; a stream on it would be cut.
        var untimed = Routes.Where(r => string.Equals(r["TimeoutPolicy"], "Disable", StringComparison.OrdinalIgnoreCase))
            .Select(r => r["Match:Path"]).ToHashSet();
        foreach (var proto in Directory.EnumerateFiles(RepositoryPaths.Combine("src/Contracts/Protos"), "*.proto", SearchOption.AllDirectories))
        {
            var package = "";
            var service = "";
            var lines = File.ReadAllLines(proto);
            for (var i = 0; i < lines.Length; i++)
            {
                if (PackagePattern().Match(lines[i]) is { Success: true } p) package = p.Groups[1].Value;
                if (ServicePattern().Match(lines[i]) is { Success: true } s) service = s.Groups[1].Value;
                if (StreamingRpcPattern().Match(lines[i]) is { Success: true } rpc && (rpc.Groups[2].Success || rpc.Groups[3].Success))
                {
                    Assert.Contains($"/{package}.{service}/{rpc.Groups[1].Value}", untimed);
                    // Its JSON-transcoded path (google.api.http) streams too and needs the same kind of route.
                    if (HttpRulePath(lines, i) is { } jsonPath)
                    {
                        Assert.True(untimed.Contains(jsonPath),
                            $"{rpc.Groups[1].Value} streams over JSON at {jsonPath}: add a route for exactly that path with \"TimeoutPolicy\": \"Disable\".");
                    }
                }
            }
        }
    }

    // The path of the google.api.http rule in the option block right after an rpc line, if any.
    private static string? HttpRulePath(string[] lines, int rpcLine)
    {
        for (var i = rpcLine + 1; i < Math.Min(lines.Length, rpcLine + 8) && !lines[i].TrimStart().StartsWith("rpc ", StringComparison.Ordinal); i++)
        {
            if (HttpRulePattern().Match(lines[i]) is { Success: true } rule) return rule.Groups[1].Value;
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(?:get|post|put|patch|delete)\s*:\s*""([^""]+)""")]
    private static partial Regex HttpRulePattern();

    [GeneratedRegex(@"^\s*rpc\s+(\w+)\s*\(\s*(stream\s+)?[\w.]+\s*\)\s*returns\s*\(\s*(stream\s+)?[\w.]+\s*\)")]
    private static partial Regex StreamingRpcPattern();

    [GeneratedRegex(@"^package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^service\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ServicePattern();
}
