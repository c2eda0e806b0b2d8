using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Contracts.Events.V1;
using Samverkan.DischargeNotices.Application;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Application.Retention;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.Store;
using Samverkan.TestSupport.Store;

namespace Samverkan.DischargeNotices.Tests.Integration.Support;

// The discharge service's application layer wired exactly as Program.cs wires it, on a real store
// process, in a keyspace of its own, with a clock the test controls. No gRPC and no tokens: callers
// are given as CallerIdentity (the gRPC tests cover the token path).
public sealed class DischargeApp : IDisposable
{
    public const string PersonReferenceKey = "dGVzdC1vbmx5LXBlcnNvbi1yZWZlcmVuY2Uta2V5LTMyLWJ5dGVzIQ==";

    private readonly IHost _host;

    private DischargeApp(IHost host, FakeTimeProvider time, string keyspace)
    {
        _host = host;
        Time = time;
        Keyspace = keyspace;
    }

    public FakeTimeProvider Time { get; }

    public string Keyspace { get; }

    public IServiceProvider Services => _host.Services;

    public CaseCommands Commands => Services.GetRequiredService<CaseCommands>();

    public CaseQueries Queries => Services.GetRequiredService<CaseQueries>();

    public FollowUpQueries FollowUp => Services.GetRequiredService<FollowUpQueries>();

    public NoticeSubscription Subscription => Services.GetRequiredService<NoticeSubscription>();

    public DeadlineMonitor Monitor => Services.GetRequiredService<DeadlineMonitor>();

    public FeedRetention FeedRetention => Services.GetRequiredService<FeedRetention>();

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public IChannelReader Channels => Services.GetRequiredService<IChannelReader>();

    public IConfigurationRoot Configuration => (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();

    public static DischargeApp Start(StoreServer server, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var keyspace = "dn" + Guid.NewGuid().ToString("N")[..12];
        var time = new FakeTimeProvider(now);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test", ApplicationName = "discharge-notices" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:store"] = server.ConnectionString,
            ["AccessLogging:PersonReferenceKey"] = PersonReferenceKey,
            ["Discharge:UnitDirectoryPath"] = TestDirectory.Path,
            ["Discharge:SubscriptionHeartbeat"] = "00:00:01",
            ["PaymentResponsibility:DefaultAgreement:Id"] = "test-individual",
            ["PaymentResponsibility:DefaultAgreement:Model"] = "Individual",
            ["PaymentResponsibility:DailyAmountsSek:2022"] = "9300",
            ["PaymentResponsibility:DailyAmountsSek:2023"] = "10500",
            ["PaymentResponsibility:DailyAmountsSek:2024"] = "11000",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddDocumentStore(keyspace);
        builder.AddAccessLogging();
        builder.AddDischargeNotices();
        // Built, not started: hosted services (the deadline monitor's timer) stay off; tests call ScanAsync.
        return new DischargeApp(builder.Build(), time, keyspace);
    }

    public string PersonRef(string personalIdentityNumber) => Services.GetRequiredService<PersonReferences>().For(personalIdentityNumber);

    public async Task<IReadOnlyList<AccessRecord>> AuditAsync() =>
        (await ReadAllAsync(AccessLogChannel.Name)).Select(e => AccessRecord.Parser.ParseFrom(e.Payload.Span)).ToList();

    public async Task<IReadOnlyList<IntegrationEventEnvelope>> EventsAsync() =>
        (await ReadAllAsync(DischargeStore.EventsChannel)).Select(e => IntegrationEventEnvelope.Parser.ParseFrom(e.Payload.Span)).ToList();

    public Task<long> FeedHeadAsync(string organisation) =>
        Channels.HeadAsync(new ChannelAddress(Keyspace, DischargeStore.FeedChannel(organisation)));

    public async Task<long?> CaseVersionAsync(string caseId) => (await Store.GetAsync(DischargeStore.Cases, caseId))?.Version;

    public Task<IReadOnlyList<ChannelEntry>> ReadAllAsync(string channel) =>
        Channels.ReadAsync(new ChannelAddress(Keyspace, channel), 0, 10_000);

    public static IdempotencyKey NewKey(string fingerprint = "test") => new(Guid.NewGuid().ToString(), fingerprint);

    public void Dispose() => _host.Dispose();
}
