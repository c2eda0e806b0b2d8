using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.Store;
using Samverkan.TestSupport.Store;

namespace Samverkan.DischargeNotices.Tests.Integration.Json;

// The access records the service process committed, read straight from its keyspace's audit
// channel in the platform's store (nothing trims it: no access-log service runs in these tests).
public sealed class ServiceAccessLog : IDisposable
{
    private readonly IHost _host;

    public ServiceAccessLog(StoreServer store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:store"] = store.ConnectionString });
        builder.AddDocumentStore(DischargeStore.Keyspace);
        _host = builder.Build();
    }

    public async Task<IReadOnlyList<AccessRecord>> RecordsAsync(string resource)
    {
        var reader = _host.Services.GetRequiredService<IChannelReader>();
        var channel = new ChannelAddress(DischargeStore.Keyspace, AccessLogChannel.Name);
        var records = new List<AccessRecord>();
        for (long after = 0; ;)
        {
            var batch = await reader.ReadAsync(channel, after, 1000);
            if (batch.Count == 0) return records;
            records.AddRange(batch.Select(e => AccessRecord.Parser.ParseFrom(e.Payload.Span)).Where(r => r.Resource == resource));
            after = batch[^1].Position;
        }
    }

    public void Dispose() => _host.Dispose();
}
