using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using Discharge = Samverkan.Contracts.Discharge.V1.DischargeNotices;
using Sip = Samverkan.Contracts.Sip.V1.SipPlans;

namespace Samverkan.SipPlans.Tests.Integration;

// The real thing, as the organisations' systems and staff meet it: a store process, the identity
// server issuing real tokens for the demo users, the SIP plans and discharge notices services as
// their own processes, and the YARP gateway in front of both (h2c gRPC and HTTP/JSON).
public sealed class SipPlatform : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _tokens = [];
    private Dictionary<string, string?> _sipEnvironment = [];
    private Dictionary<string, string?> _dischargeEnvironment = [];
    private DotnetProcess? _sip;
    private DotnetProcess? _discharge;
    private DotnetProcess? _gateway;
    private Uri _sipAddress = null!;
    private GrpcChannel? _directChannel;

    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public Sip.SipPlansClient Client { get; private set; } = null!;
    // The SIP plans service itself, without the gateway (checks of many calls stay below its rate limit).
    public Sip.SipPlansClient Direct { get; private set; } = null!;
    public Discharge.DischargeNoticesClient DischargeClient { get; private set; } = null!;
    public Uri JsonAddress { get; private set; } = null!;
    // The SIP service's own h2c address (/metrics, /health).
    public Uri SipAddress => _sipAddress;
    public string SipOutput => _sip?.Output ?? "";

    public async Task InitializeAsync()
    {
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        Identity = await IdentityServer.StartAsync();
        // Both services on fixed free ports, so a killed service comes back where the gateway looks.
        _sipAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _sipEnvironment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["OTEL_SERVICE_NAME"] = "sip-plans",
            ["ASPNETCORE_URLS"] = _sipAddress.ToString().TrimEnd('/'),
            ["Sip__PlanCensusInterval"] = "00:00:01",
        };
        _sip = await StartSipAsync();
        _dischargeEnvironment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["OTEL_SERVICE_NAME"] = "discharge-notices",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
        };
        _discharge = await StartDischargeAsync();

        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        JsonAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var gatewayEnvironment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["services__sip-plans__http__0"] = _sipAddress.ToString().TrimEnd('/'),
            ["services__discharge-notices__http__0"] = _discharge.Address.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__http__Url"] = JsonAddress.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString().TrimEnd('/'),
        };
        _gateway = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Gateway"), gatewayEnvironment);
        Channel = GrpcChannel.ForAddress(grpc);
        Client = new Sip.SipPlansClient(Channel);
        _directChannel = GrpcChannel.ForAddress(_sipAddress);
        Direct = new Sip.SipPlansClient(_directChannel);
        DischargeClient = new Discharge.DischargeNoticesClient(Channel);
    }

    // kill -9 (DotnetProcess disposal is SIGKILL) of one service; Restart* starts it again on the
    // same port with the same store, where the gateway finds it.
    public async Task KillSipAsync() => await _sip!.DisposeAsync();

    public async Task RestartSipAsync() => _sip = await StartSipAsync();

    public async Task KillDischargeAsync() => await _discharge!.DisposeAsync();

    public async Task RestartDischargeAsync() => _discharge = await StartDischargeAsync();

    public Task<string> UserTokenAsync(string username) => TokenAsync("user:" + username, async () =>
        (await Identity.CreateTokenClient().GetUserTokenAsync(username)).AccessToken);

    public Task<string> SystemTokenAsync(string organisationAlias) => TokenAsync("system:" + organisationAlias, async () =>
        (await Identity.CreateTokenClient().GetSystemTokenAsync(organisationAlias)).AccessToken);

    public async Task<CallOptions> AsUserAsync(string username) => Bearer(await UserTokenAsync(username));

    public async Task<CallOptions> AsSystemAsync(string organisationAlias) => Bearer(await SystemTokenAsync(organisationAlias));

    public static CallOptions Bearer(string token) => new(new Metadata { { "Authorization", "Bearer " + token } });

    public HttpClient CreateJsonClient(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = JsonAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        _directChannel?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_discharge is not null) await _discharge.DisposeAsync();
        if (_sip is not null) await _sip.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
    }

    private Task<DotnetProcess> StartSipAsync() => DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("SipPlans"), _sipEnvironment);

    private Task<DotnetProcess> StartDischargeAsync() => DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("DischargeNotices"), _dischargeEnvironment);

    private Task<string> TokenAsync(string key, Func<Task<string>> fetch)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(key, out var token)) _tokens[key] = token = fetch();
            return token;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class SipPlatformCollection : ICollectionFixture<SipPlatform>
{
    public const string Name = "sip-platform";
}
