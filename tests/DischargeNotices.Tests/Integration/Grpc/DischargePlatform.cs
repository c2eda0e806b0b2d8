using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using Contract = Samverkan.Contracts.Discharge.V1.DischargeNotices;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// The real thing, as a municipal system meets it: a store process, the identity server issuing
// real tokens, and the DischargeNotices service as its own process, called over h2c.
public class DischargePlatform : IAsyncLifetime
{
    // The one line to change between calling the service through the YARP gateway (true: the
    // gateway is started in front of it, see StartGatewayAsync) and calling it directly (false).
    public static readonly bool ThroughGateway = true;

    private readonly Dictionary<string, Task<string>> _tokens = [];
    private DotnetProcess? _service;
    private DotnetProcess? _gateway;

    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public Contract.DischargeNoticesClient Client { get; private set; } = null!;
    public string ServiceOutput => _service?.Output ?? "";

    // The service process itself (its /metrics and /health), whatever the gRPC entry point is.
    public Uri ServiceAddress => _service?.Address ?? throw new InvalidOperationException("The service has not started.");

    // The service's process id, so a test can show the process survived what it did to the store.
    public int ServiceProcessId => _service?.ProcessId ?? throw new InvalidOperationException("The service has not started.");

    // Where HTTP/JSON callers go: the gateway's HTTP/1.1 endpoint, or (without the gateway) the
    // service's own h2c endpoint.
    public Uri JsonAddress { get; private set; } = null!;

    // Only the JSON rate-limit test calls as system-mora: a burst of RateLimitedBurst calls, then
    // one per hour (the other tests' clients keep the shipped limits).
    public const string RateLimitedSystem = "system-mora";
    public const int RateLimitedBurst = 2;

    // The gateway's unary JSON route timeout in these tests (shipped: 30 s), short so the JSON
    // subscription test shows in seconds that its stream is not on that route.
    public static readonly TimeSpan JsonRouteTimeout = TimeSpan.FromSeconds(8);

    public async Task InitializeAsync()
    {
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        Identity = await IdentityServer.StartAsync();
        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            // The resource name, as the AppHost sets it (access records name the service by it).
            ["OTEL_SERVICE_NAME"] = "discharge-notices",
            // Short intervals so the tests see the monitor and heartbeats without long waits.
            ["Discharge__DeadlineMonitorInterval"] = "00:00:01",
            ["Discharge__SubscriptionHeartbeat"] = "00:00:02",
        };
        ConfigureService(environment);
        _service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("DischargeNotices"), environment);
        var entry = ThroughGateway ? await StartGatewayAsync(_service.Address) : _service.Address;
        if (!ThroughGateway) JsonAddress = _service.Address;
        Channel = GrpcChannel.ForAddress(entry);
        Client = new Contract.DischargeNoticesClient(Channel);
    }

    // Staff through the development password grant; systems through client credentials.
    public Task<string> UserTokenAsync(string username) => TokenAsync("user:" + username, async () =>
        (await Identity.CreateTokenClient().GetUserTokenAsync(username)).AccessToken);

    public Task<string> SystemTokenAsync(string organisationAlias) => TokenAsync("system:" + organisationAlias, async () =>
        (await Identity.CreateTokenClient().GetSystemTokenAsync(organisationAlias)).AccessToken);

    public async Task<CallOptions> AsUserAsync(string username) => Bearer(await UserTokenAsync(username));

    public async Task<CallOptions> AsSystemAsync(string organisationAlias) => Bearer(await SystemTokenAsync(organisationAlias));

    public static CallOptions Bearer(string token, CancellationToken cancellationToken = default) =>
        new(new Metadata { { "Authorization", "Bearer " + token } }, cancellationToken: cancellationToken);

    // A plain HTTP client as a system without gRPC uses it: HTTP/1.1 to the gateway, never
    // following redirects (a refusal must be a status, not a login page).
    public HttpClient CreateJsonClient(string? token = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = JsonAddress,
            // Without the gateway the service speaks HTTP/2 only (h2c).
            DefaultRequestVersion = ThroughGateway ? HttpVersion.Version11 : HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
    }

    // Hooks for a platform with other settings (e.g. the property tests' quiet platform).
    protected virtual void ConfigureService(IDictionary<string, string?> environment)
    {
    }

    protected virtual void ConfigureGateway(IDictionary<string, string?> environment)
    {
    }

    private Task<string> TokenAsync(string key, Func<Task<string>> fetch)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(key, out var token)) _tokens[key] = token = fetch();
            return token;
        }
    }

    // The gateway (src/Gateway) in front of the service: its h2c gRPC endpoint on a free port,
    // the service found through service discovery, trusting the same identity server.
    private async Task<Uri> StartGatewayAsync(Uri service)
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        JsonAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["services__discharge-notices__http__0"] = service.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__http__Url"] = JsonAddress.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString().TrimEnd('/'),
            ["ReverseProxy__Routes__discharge-notices-json__Timeout"] = JsonRouteTimeout.ToString("c"),
            [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__TokenLimit"] = RateLimitedBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__TokensPerPeriod"] = "1",
            [$"Gateway__RateLimiting__Clients__{RateLimitedSystem}__ReplenishmentPeriod"] = "01:00:00",
        };
        ConfigureGateway(environment);
        _gateway = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), environment);
        return grpc;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DischargePlatformCollection : ICollectionFixture<DischargePlatform>
{
    public const string Name = "discharge-platform";
}
