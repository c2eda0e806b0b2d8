using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Collection;

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
    }

    public InMemoryStoreServer Server { get; }
    public InMemoryDocumentStore Store { get; }
    public IOptions<AccessLogOptions> Options { get; }
    public ChainStore Chain { get; }
    public AccessLogMetrics Metrics { get; }
    public AccessRecordCollector Collector { get; }
    public ChainVerification Verification { get; }
}
