using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Collection;
using Samverkan.SharedKernel.Directory;
using Samverkan.AccessLog.Extract;
using Samverkan.AccessLog.Grpc;
using Samverkan.AccessLog.Review;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.AccessLog.Tests.Fakes;

// The access log's store-facing parts wired to an in-memory store, for unit tests.
public sealed class AccessLogParts
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public AccessLogParts(InMemoryStoreServer? server = null)
    {
        Server = server ?? new InMemoryStoreServer();
        Store = Server.For("access-log");
        Options = Microsoft.Extensions.Options.Options.Create(new AccessLogOptions { Sources = ["discharge", "sip"] });
        Chain = new ChainStore(Store, Store);
        Metrics = new AccessLogMetrics(Meters);
        Collector = new AccessRecordCollector(Store, Chain, Options, Metrics, NullLogger<AccessRecordCollector>.Instance);
        Verification = new ChainVerification(Chain);
        PersonReferences = new PersonReferences(Microsoft.Extensions.Options.Options.Create(new AccessLoggingOptions { PersonReferenceKey = TestKey }));
        Recorder = new AccessRecorder(Store, PersonReferences, TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new AccessLoggingOptions { ServiceName = "access-log" }));
        Service = new AccessLogService(new AccessLogReader(Store, Chain), new ReviewStore(Store), Chain, Verification,
            new AuditorAccessRecorder(Recorder), PersonReferences, Directory, new PersonLogExtractWriter(Directory, PersonLogExtractWriter.SwedishTime),
            Store, Metrics, TimeProvider.System);
    }

    public const string TestKey = "c2FtdmVya2FuLXRlc3Qta2V5LW9mLWF0LWxlYXN0LTMyLWJ5dGVz";

    public static UnitDirectory Directory { get; } = UnitDirectoryJson.Load(Path.Combine(AppContext.BaseDirectory, "directory", "units.json"));

    public PersonReferences PersonReferences { get; }
    public AccessRecorder Recorder { get; }
    public AccessLogService Service { get; }

    // Records as a producing service writes them, then collected into the chain.
    public async Task ProduceAndCollectAsync(string keyspace, params AccessRecord[] records)
    {
        var source = new ChannelAddress(keyspace, AccessLogChannel.Name);
        var producer = Server.For(keyspace);
        if (records.Length > 0)
        {
            var work = new UnitOfWork();
            foreach (var record in records) AccessRecorder.RecordIn(work, record);
            await producer.CommitAsync(work);
        }
        var position = await Store.GetConsumerPositionAsync(source, Options.Value.ConsumerName);
        var batch = await producer.ReadAsync(source, position, 1000);
        if (batch.Count > 0) await Collector.CollectAsync(new ChannelBatch(source, Options.Value.ConsumerName, position, batch), default);
    }

    // The access log's own audit channel: what auditors' queries recorded.
    public IReadOnlyList<AccessRecord> OwnAuditRecords() =>
        Server.Channel("access-log", AccessLogChannel.Name).Select(b => AccessRecord.Parser.ParseFrom(b)).ToList();

    public InMemoryStoreServer Server { get; }
    public InMemoryDocumentStore Store { get; }
    public IOptions<AccessLogOptions> Options { get; }
    public ChainStore Chain { get; }
    public AccessLogMetrics Metrics { get; }
    public AccessRecordCollector Collector { get; }
    public ChainVerification Verification { get; }
}
