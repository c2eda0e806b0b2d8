using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Gateway.Tests.Backend;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;

namespace Samverkan.Gateway.Tests.Infrastructure;

// The gateway as a real process on two free loopback ports ("http": HTTP/1.1, "grpc": h2c), in
// front of the real SipPlans, DischargeNotices, RelativeSupport, PersonalOmbudsmen and AccessLog
// processes (the access log on a real store) and a test Echo backend (route "echo", short
// timeouts). Destinations come through service discovery (services__*__http__0). Gateway and
// services trust the real identity server, which issues the tests' tokens.
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly string[] RealServices = ["SipPlans", "DischargeNotices", "RelativeSupport", "PersonalOmbudsmen", "AccessLog"];

    // The access log pseudonymises persons with a keyed HMAC; any 32-byte key does for tests.
    private static readonly string PersonReferenceKey = Convert.ToBase64String("samverkan-gateway-tests-key-32-bytes!"u8);

    private readonly Dictionary<string, DotnetProcess> _services = [];
    private readonly ConcurrentBag<GrpcChannel> _channels = [];
    private readonly ConcurrentDictionary<string, Task<string>> _tokens = new();

    public IdentityServer Identity { get; private set; } = null!;
    public EchoBackend Echo { get; private set; } = null!;
    public StoreServer Store { get; private set; } = null!;
    public DotnetProcess Gateway { get; private set; } = null!;
    public Uri GrpcAddress { get; private set; } = null!;
    public Uri HttpAddress { get; private set; } = null!;
    // The TLS endpoint ("https": HTTP/1.1 and HTTP/2 by ALPN) with a self-signed, pinned certificate.
    public Uri HttpsAddress { get; private set; } = null!;
    // Prometheus only (Telemetry:MetricsEndpointName = management).
    public Uri ManagementAddress { get; private set; } = null!;
    public TestCertificate Certificate { get; } = TestCertificate.Create();

    // The real service process behind a resource name (e.g. "sip-plans").
    public DotnetProcess Service(string resource) => _services[resource];

    public async Task InitializeAsync()
    {
        Identity = await IdentityServer.StartAsync();
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        Echo = await EchoBackend.StartAsync("echo");

        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["services__echo__http__0"] = Echo.Address.ToString().TrimEnd('/'),
            // A service that is down: nothing listens on this port.
            ["services__down__http__0"] = $"http://127.0.0.1:{FreePort.Next()}",
        };

        var starts = RealServices.Select(StartServiceAsync).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            // Record every service that did start, also when another failed, so DisposeAsync stops
            // them instead of leaving them running after the test run.
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                var (resource, process, address) = start.Result;
                _services[resource] = process;
                environment[$"services__{resource}__http__0"] = address;
            }
        }

        var httpPort = FreePort.Next();
        var grpcPort = FreePort.Next();
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        environment["Kestrel__Endpoints__http__Url"] = HttpAddress.ToString().TrimEnd('/');
        environment["Kestrel__Endpoints__grpc__Url"] = GrpcAddress.ToString().TrimEnd('/');
        ManagementAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        environment["Kestrel__Endpoints__management__Url"] = ManagementAddress.ToString().TrimEnd('/');
        HttpsAddress = new Uri($"https://127.0.0.1:{FreePort.Next()}");
        environment["Kestrel__Endpoints__https__Url"] = HttpsAddress.ToString().TrimEnd('/');
        environment["Kestrel__Endpoints__https__Certificate__Path"] = Certificate.PfxPath;
        environment["Kestrel__Endpoints__https__Certificate__Password"] = Certificate.Password;
        foreach (var (key, value) in EchoRouteSettings()) environment[key] = value;

        Gateway = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), environment);
    }

    private async Task<(string Resource, DotnetProcess Process, string Address)> StartServiceAsync(string project)
    {
        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["AccessLogging__PersonReferenceKey"] = PersonReferenceKey,
        };
        var process = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll(project), environment);
        return (ResourceName(project), process, process.Address.ToString().TrimEnd('/'));
    }

    // A municipal or regional system's token (client credentials of system-{alias}).
    public Task<string> SystemTokenAsync(string organisationAlias) =>
        _tokens.GetOrAdd("system:" + organisationAlias, async _ =>
            (await Identity.CreateTokenClient().GetSystemTokenAsync(organisationAlias)).AccessToken);

    // A staff member's token (development realm user).
    public Task<string> UserTokenAsync(string username) =>
        _tokens.GetOrAdd("user:" + username, async _ =>
            (await Identity.CreateTokenClient().GetUserTokenAsync(username)).AccessToken);

    // The AppHost's resource name for a project: SipPlans -> sip-plans.
    public static string ResourceName(string project) =>
        string.Concat(project.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // The echo service's routes: unary methods with a short route timeout, the stream method with
    // route timeouts disabled, a short cluster ActivityTimeout, and a 1 MiB body limit.
    private static Dictionary<string, string?> EchoRouteSettings() => new()
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
        ["ReverseProxy__Routes__down__ClusterId"] = "down",
        ["ReverseProxy__Routes__down__AuthorizationPolicy"] = "echo-caller",
        ["ReverseProxy__Routes__down__Match__Path"] = "/samverkan.gatewaytest.v1.Down/{**method}",
        ["ReverseProxy__Clusters__down__HttpRequest__Version"] = "2",
        ["ReverseProxy__Clusters__down__HttpRequest__VersionPolicy"] = "RequestVersionExact",
        ["ReverseProxy__Clusters__down__Destinations__down__Address"] = "http://down",
        ["Gateway__RateLimiting__PerClient__TokenLimit"] = "1000",
        ["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "1000",
        // Only the rate-limit test calls as system-mora: a burst of 3, then one call per hour.
        [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__TokenLimit"] = GatewayTimings.LimitedClientBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__TokensPerPeriod"] = "1",
        [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__ReplenishmentPeriod"] = "01:00:00",
        ["Kestrel__Limits__KeepAliveTimeout"] = GatewayTimings.KeepAliveTimeout.ToString("c"),
        ["Gateway__Connections__MaxPerAddress"] = GatewayTimings.MaxConnectionsPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The retry-storm test's client keeps the production limits (burst 200, then 100 per second).
        [$"Gateway__RateLimiting__Clients__system-{StormingSystemAlias}__TokenLimit"] = "200",
        [$"Gateway__RateLimiting__Clients__system-{StormingSystemAlias}__TokensPerPeriod"] = "100",
    };

    public const string RateLimitedSystem = "system-mora";

    // The system that storms in RetryStormTests (as in issue #22).
    public const string StormingSystemAlias = "region-dalarna";

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

    // A channel to the TLS endpoint that trusts only the fixture's certificate.
    public GrpcChannel TlsChannel(string? accessToken = null)
    {
        var options = new GrpcChannelOptions { HttpHandler = PinnedHandler() };
        if (accessToken is not null)
        {
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl,
                CallCredentials.FromInterceptor((_, metadata) =>
                {
                    metadata.Add("authorization", $"Bearer {accessToken}");
                    return Task.CompletedTask;
                }));
        }
        var channel = GrpcChannel.ForAddress(HttpsAddress, options);
        _channels.Add(channel);
        return channel;
    }

    // An HTTP client for the TLS endpoint that trusts only the fixture's certificate.
    public HttpClient TlsHttpClient(Version version) => new(PinnedHandler())
    {
        BaseAddress = HttpsAddress,
        DefaultRequestVersion = version,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    private SocketsHttpHandler PinnedHandler() => new()
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => Certificate.IsPinned(presented) },
    };

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels) channel.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        foreach (var service in _services.Values) await service.DisposeAsync();
        if (Echo is not null) await Echo.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        Certificate.Dispose();
    }
}
