using Grpc.Core;
using Grpc.Net.Client;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Redis;
using Samverkan.TestSupport.Identity;
using Samverkan.TestSupport.Processes;
using Samverkan.TestSupport.Store;
using StackExchange.Redis;
using Contract = Samverkan.Contracts.Audit.V1.AccessLog;

namespace Samverkan.AccessLog.Tests.EndToEnd;

// The real access-log service as a process (HTTP/2 over h2c), with a real store and the real
// identity server issuing tokens for the development realm's users.
public sealed class AccessLogPlatform : IAsyncLifetime
{
    private DotnetProcess? _service;
    private GrpcChannel? _channel;
    private ConnectionMultiplexer? _connection;

    public StoreServer Store { get; private set; } = null!;
    public IdentityServer Identity { get; private set; } = null!;
    public Contract.AccessLogClient Client { get; private set; } = null!;
    public PersonReferences PersonReferences { get; } = new(Microsoft.Extensions.Options.Options.Create(
        new AccessLoggingOptions { PersonReferenceKey = AccessLogParts.TestKey }));

    public IDatabase Database => _connection!.GetDatabase();

    public async Task InitializeAsync()
    {
        Store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
        Identity = await IdentityServer.StartAsync();
        var options = ConfigurationOptions.Parse(Store.ConnectionString);
        options.AbortOnConnectFail = false;
        options.AllowAdmin = true;
        _connection = await ConnectionMultiplexer.ConnectAsync(options);

        var environment = new Dictionary<string, string?>(Identity.ServiceEnvironment)
        {
            ["ConnectionStrings__store"] = Store.ConnectionString,
            ["AccessLogging__PersonReferenceKey"] = AccessLogParts.TestKey,
            ["AccessLog__HeadPublishInterval"] = "00:00:02",
        };
        _service = await DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("AccessLog"), environment);
        _channel = GrpcChannel.ForAddress(_service.Address);
        Client = new Contract.AccessLogClient(_channel);
    }

    public string ServiceOutput => _service?.Output ?? "";

    public async Task<Metadata> AsUserAsync(string username)
    {
        var token = await Identity.CreateTokenClient().GetUserTokenAsync(username);
        return new Metadata { { "Authorization", "Bearer " + token.AccessToken } };
    }

    public string SubjectOf(string username) => Identity.DevRealm.SubjectOf(username);

    // Records as the discharge service writes them (its keyspace's audit channel).
    public async Task ProduceAsync(params AccessRecord[] records)
    {
        var producer = new RedisDocumentStore(_connection!, new StoreKeyspace("discharge"));
        var work = new UnitOfWork();
        foreach (var record in records) AccessRecorder.RecordIn(work, record);
        Assert.IsType<Committed>(await producer.CommitAsync(work));
    }

    public async Task<long> WaitForChainAsync(long atLeast, Metadata auditor)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var head = await Client.GetChainHeadAsync(new GetChainHeadRequest(), auditor);
            if (head.Sequence >= atLeast) return head.Sequence;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The chain stayed at {head.Sequence}:\n{ServiceOutput}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_service is not null) await _service.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        if (Identity is not null) await Identity.DisposeAsync();
        if (Store is not null) await Store.DisposeAsync();
    }
}
