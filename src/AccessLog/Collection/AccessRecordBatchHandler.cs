using Samverkan.Store.Consumers;

namespace Samverkan.AccessLog.Collection;

// The store's channel consumer feeds each source's audit channel here, batch by batch.
public sealed class AccessRecordBatchHandler(AccessRecordCollector collector) : IChannelHandler
{
    public Task HandleAsync(ChannelBatch batch, CancellationToken cancellationToken) => collector.CollectAsync(batch, cancellationToken);
}
