using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Audit.V1;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;
using Contract = Samverkan.Contracts.Relatives.V1.RelativeSupport;

namespace Samverkan.RelativeSupport.Tests.Integration;

// The real parts: redis-server (append-only, fsync always), the identity server issuing real
// tokens, the relative support service as its own process, and the YARP gateway in front of it.
// Needs redis-server (the erasure test reads its append-only files); without it every test skips.
public sealed class RelativePlatform : IAsyncLifetime
{
    public const string Keyspace = "relatives";
    public const int SuppressionThreshold = 2;

    private readonly Dictionary<string, Task<string>> _tokens = [];
    private DotnetProcess? _service;
    private GatewayProcess? _gateway;

    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public ConnectionMultiplexer StoreConnection { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public GrpcChannel DirectChannel { get; private set; } = null!;
    public Contract.RelativeSupportClient Client { get; private set; } = null!;
    public Contract.RelativeSupportClient Direct { get; private set; } = null!;
    public Uri JsonAddress { get; private set; } = null!;
    public string ServiceOutput => _service?.Output ?? "";

    public static string? UnavailableReason => StoreServer.UnavailableReason(StoreKind.Redis);

    public async Task InitializeAsync()
    {
        if (UnavailableReason is not null) return;
        Store = await StoreServer.StartNewAsync(StoreKind.Redis);
        StoreConnection = await ConnectionMultiplexer.ConnectAsync(Store.ConnectionString + ",allowAdmin=true");
        Identity = await IdentityServer.StartAsync();
        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["OTEL_SERVICE_NAME"] = "relative-support",
            ["AccessLogging__PersonReferenceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["RelativeSupport__SuppressionThreshold"] = SuppressionThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("RelativeSupport"), environment);
        DirectChannel = GrpcChannel.ForAddress(_service.Address);
        Direct = new Contract.RelativeSupportClient(DirectChannel);
        _gateway = await GatewayProcess.StartAsync(Identity.ServiceEnvironment, "relative-support", _service.Address);
        JsonAddress = _gateway.JsonAddress;
        Channel = GrpcChannel.ForAddress(_gateway.GrpcAddress);
        Client = new Contract.RelativeSupportClient(Channel);
    }

    public async Task<CallOptions> AsUserAsync(string username) => Bearer(await TokenAsync(username));

    public Task<string> TokenAsync(string username)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(username, out var token))
            {
                _tokens[username] = token = Fetch();
            }
            return token;
        }

        async Task<string> Fetch() => (await Identity.CreateTokenClient().GetUserTokenAsync(username)).AccessToken;
    }

    public static CallOptions Bearer(string token) => new(new Metadata { { "Authorization", "Bearer " + token } });

    public async Task<IReadOnlyList<AccessRecord>> AccessRecordsAsync()
    {
        var entries = await StoreConnection.GetDatabase().ListRangeAsync($"{{{Keyspace}}}:ch:audit");
        return entries.Select(e => AccessRecord.Parser.ParseFrom((byte[])e!)).ToList();
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        DirectChannel?.Dispose();
        if (_gateway is not null) await _gateway.DisposeAsync();
        if (_service is not null) await _service.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        StoreConnection?.Dispose();
        if (Store is not null) await Store.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RelativePlatformCollection : ICollectionFixture<RelativePlatform>
{
    public const string Name = "relative-platform";
}

// A [Fact] that skips with the reason when redis-server is not installed.
public sealed class PlatformFactAttribute : FactAttribute
{
    public PlatformFactAttribute()
    {
        if (RelativePlatform.UnavailableReason is { } reason) Skip = reason;
    }
}
