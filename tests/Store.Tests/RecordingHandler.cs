using Samverkan.Store.Consumers;

namespace Samverkan.Store.Tests;

internal sealed class RecordingHandler(HandlerScript script) : IChannelHandler
{
    public Task HandleAsync(ChannelBatch batch, CancellationToken cancellationToken)
    {
        script.Batches.Enqueue(batch);
        return script.Behaviour(batch, cancellationToken);
    }
}
