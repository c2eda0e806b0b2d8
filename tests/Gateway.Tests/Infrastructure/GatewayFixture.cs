using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Gateway.Tests.Backend;

namespace Samverkan.Gateway.Tests.Infrastructure;

// The gateway as a real process on two free loopback ports ("http": HTTP/1.1, "grpc": h2c), in
// front of the real SipPlans, DischargeNotices, RelativeSupport and PersonalOmbudsmen processes,
// a test Echo backend (route "echo", short timeouts) and a stand-in for access-log (whose service
// has no gRPC endpoint yet). Destinations come through service discovery (services__*__http__0).
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly string[] RealServices = ["SipPlans", "DischargeNotices", "RelativeSupport", "PersonalOmbudsmen"];

    private readonly List<ServiceProcess> _services = [];
    private readonly List<GrpcChannel> _channels = [];

    public EchoBackend Echo { get; private set; } = null!;
    public EchoBackend AccessLogStandIn { get; private set; } = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public Uri GrpcAddress { get; private set; } = null!;
    public Uri HttpAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Echo = await EchoBackend.StartAsync("echo");
        AccessLogStandIn = await EchoBackend.StartAsync("access-log");

        var environment = new Dictionary<string, string>
        {
            ["services__echo__http__0"] = Echo.Address.ToString().TrimEnd('/'),
            ["services__access-log__http__0"] = AccessLogStandIn.Address.ToString().TrimEnd('/'),
        };

        var starts = RealServices.Select(StartServiceAsync).ToList();
        foreach (var (resource, process, address) in await Task.WhenAll(starts))
        {
            _services.Add(process);
            environment[$"services__{resource}__http__0"] = address;
        }

        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        environment["Kestrel__Endpoints__http__Url"] = HttpAddress.ToString().TrimEnd('/');
        environment["Kestrel__Endpoints__grpc__Url"] = GrpcAddress.ToString().TrimEnd('/');
        foreach (var (key, value) in EchoRouteSettings()) environment[key] = value;
        // TEMPORARY until the identity server lands in TestSupport.
        environment["Keycloak__AuthServerUrl"] = $"http://127.0.0.1:{FreePort.Next()}/";
        environment["Keycloak__Realm"] = "samverkan";
        environment["Keycloak__SslRequired"] = "none";
        environment["Keycloak__Resource"] = "samverkan-gateway";

        Gateway = await ServiceProcess.StartAsync("Gateway", environment, new Uri(HttpAddress, "/alive"), http2Only: false);
    }

    private static async Task<(string Resource, ServiceProcess Process, string Address)> StartServiceAsync(string project)
    {
        var port = FreePort.Next();
        var address = $"http://127.0.0.1:{port}";
        var process = await ServiceProcess.StartAsync(project, new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address,
        }, new Uri($"{address}/alive"), http2Only: true);
        return (ResourceName(project), process, address);
    }

    // The AppHost's resource name for a project: SipPlans -> sip-plans.
    public static string ResourceName(string project) =>
        string.Concat(project.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // The echo service's routes: unary methods with a short route timeout, the stream method with
    // route timeouts disabled, a short cluster ActivityTimeout, and a 1 MiB body limit.
    private static Dictionary<string, string> EchoRouteSettings() => new()
    {
        ["ReverseProxy__Routes__echo__ClusterId"] = "echo",
        ["ReverseProxy__Routes__echo__AuthorizationPolicy"] = "echo-caller",
        ["ReverseProxy__Routes__echo__RateLimiterPolicy"] = "per-client",
        ["ReverseProxy__Routes__echo__Timeout"] = GatewayTimings.UnaryRouteTimeout.ToString("c"),
        ["ReverseProxy__Routes__echo__MaxRequestBodySize"] = GatewayTimings.EchoMaxRequestBodySize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ReverseProxy__Routes__echo__Match__Path"] = "/samverkan.gatewaytest.v1.Echo/{**method}",
        ["ReverseProxy__Routes__echo-stream__ClusterId"] = "echo",
        ["ReverseProxy__Routes__echo-stream__AuthorizationPolicy"] = "echo-caller",
        ["ReverseProxy__Routes__echo-stream__RateLimiterPolicy"] = "per-client",
        ["ReverseProxy__Routes__echo-stream__TimeoutPolicy"] = "Disable",
        ["ReverseProxy__Routes__echo-stream__Match__Path"] = "/samverkan.gatewaytest.v1.Echo/Stream",
        ["ReverseProxy__Clusters__echo__HttpRequest__Version"] = "2",
        ["ReverseProxy__Clusters__echo__HttpRequest__VersionPolicy"] = "RequestVersionExact",
        ["ReverseProxy__Clusters__echo__HttpRequest__ActivityTimeout"] = GatewayTimings.ActivityTimeout.ToString("c"),
        ["ReverseProxy__Clusters__echo__Destinations__echo__Address"] = "http://echo",
        ["Gateway__Authorization__Policies__echo-caller__AnyRealmRole__0"] = "sip-participant",
        ["Gateway__RateLimiting__PerClient__TokenLimit"] = "1000",
        ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "1000",
    };

    // A channel to the gateway's h2c endpoint (native gRPC), optionally sending a bearer token.
    public GrpcChannel Channel(string? accessToken = null, Uri? address = null)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        var options = new GrpcChannelOptions
        {
            HttpHandler = handler,
            MaxSendMessageSize = null,
            MaxReceiveMessageSize = null,
        };
        if (accessToken is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("authorization", $"Bearer {accessToken}");
                    return Task.CompletedTask;
                }));
            options.UnsafeUseInsecureChannelCallCredentials = true;
        }
        var channel = GrpcChannel.ForAddress(address ?? GrpcAddress, options);
        _channels.Add(channel);
        return channel;
    }

    public HttpClient Http1Client() => new() { BaseAddress = HttpAddress, DefaultRequestVersion = HttpVersion.Version11 };

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var service in _services) await service.DisposeAsync();
        if (Echo is not null) await Echo.DisposeAsync();
        if (AccessLogStandIn is not null) await AccessLogStandIn.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
