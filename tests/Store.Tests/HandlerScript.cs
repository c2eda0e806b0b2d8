using System.Collections.Concurrent;
using Samverkan.Store.Consumers;

namespace Samverkan.Store.Tests;

// Shared between a test and the consumer's handler (registered as a singleton in the consumer host).
internal sealed class HandlerScript
{
    public ConcurrentQueue<ChannelBatch> Batches { get; } = new();

    // What the handler does after recording the batch; default: nothing (success).
    public Func<ChannelBatch, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public IEnumerable<long> DeliveredPositions => Batches.SelectMany(b => b.Entries.Select(e => e.Position));
}
