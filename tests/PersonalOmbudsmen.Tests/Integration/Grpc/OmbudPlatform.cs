using System.Net;
using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.Contracts.Audit.V1;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;
using Contract = Samverkan.Contracts.Ombud.V1.PersonalOmbudsmen;

namespace Samverkan.PersonalOmbudsmen.Tests.Integration.Grpc;

// The real thing: a store process, the identity server issuing real tokens, the personal
// ombudsmen service as its own process, and the YARP gateway in front of it. Calls go through the
// gateway (Client); Direct calls the service's own port, to show the service refuses by itself
// what the gateway would already stop.
public class OmbudPlatform : IAsyncLifetime
{
    public const string Keyspace = "ombud";

    // Low, so a test can see a count it caused without opening five assignments.
    public const int SuppressionThreshold = 2;

    private readonly Dictionary<string, Task<string>> _tokens = [];
    private DotnetProcess? _service;
    private GatewayProcess? _gateway;

    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public ConnectionMultiplexer StoreConnection { get; private set; } = null!;
    public GrpcChannel Channel { get; private set; } = null!;
    public GrpcChannel DirectChannel { get; private set; } = null!;
    public Contract.PersonalOmbudsmenClient Client { get; private set; } = null!;
    public Contract.PersonalOmbudsmenClient Direct { get; private set; } = null!;
    public Uri JsonAddress { get; private set; } = null!;
    public string ServiceOutput => _service?.Output ?? "";

    public async Task InitializeAsync()
    {
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        StoreConnection = await ConnectionMultiplexer.ConnectAsync(Store.ConnectionString + ",allowAdmin=true");
        Identity = await IdentityServer.StartAsync();
        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["OTEL_SERVICE_NAME"] = "personal-ombudsmen",
            ["AccessLogging__PersonReferenceKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalOmbudsmen__KeyEncryption__ActiveKeyId"] = "test",
            ["PersonalOmbudsmen__KeyEncryption__Keys__test"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["PersonalOmbudsmen__SuppressionThreshold"] = SuppressionThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("PersonalOmbudsmen"), environment);
        DirectChannel = GrpcChannel.ForAddress(_service.Address);
        Direct = new Contract.PersonalOmbudsmenClient(DirectChannel);
        _gateway = await GatewayProcess.StartAsync(Identity.ServiceEnvironment, "personal-ombudsmen", _service.Address);
        JsonAddress = _gateway.JsonAddress;
        Channel = GrpcChannel.ForAddress(_gateway.GrpcAddress);
        Client = new Contract.PersonalOmbudsmenClient(Channel);
    }

    public Task<string> UserTokenAsync(string username) => TokenAsync("user:" + username, async () =>
        (await Identity.CreateTokenClient().GetUserTokenAsync(username)).AccessToken);

    public Task<string> SystemTokenAsync(string organisationAlias) => TokenAsync("system:" + organisationAlias, async () =>
        (await Identity.CreateTokenClient().GetSystemTokenAsync(organisationAlias)).AccessToken);

    public async Task<CallOptions> AsUserAsync(string username) => Bearer(await UserTokenAsync(username));

    public static CallOptions Bearer(string token) => new(new Metadata { { "Authorization", "Bearer " + token } });

    public HttpClient CreateJsonClient(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false })
        {
            BaseAddress = JsonAddress,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    // The service's access records as they sit in its audit channel.
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

    private Task<string> TokenAsync(string key, Func<Task<string>> fetch)
    {
        lock (_tokens)
        {
            if (!_tokens.TryGetValue(key, out var token)) _tokens[key] = token = fetch();
            return token;
        }
    }

}

[CollectionDefinition(Name)]
public sealed class OmbudPlatformCollection : ICollectionFixture<OmbudPlatform>
{
    public const string Name = "ombud-platform";
}
