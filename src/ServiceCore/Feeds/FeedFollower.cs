using Samverkan.SharedKernel.Rules;
using Samverkan.Store;
using Samverkan.Store.Consumers;

namespace Samverkan.ServiceCore.Feeds;

// Follows a feed (a channel of this keyspace) for one subscriber: every entry after a position, in
// order, then new ones as they are committed, with a heartbeat while idle. Positions are absolute
// and never reused, so a subscriber that stores the last position it processed and resumes from it
// misses nothing and sees nothing twice. The service says what an entry becomes (deliverBatch: it
// filters, loads, audits and writes; returns how many messages it wrote) and what a heartbeat is.
public sealed class FeedFollower(IDocumentStore store, IChannelReader reader, TimeProvider time)
{
    private const int BatchSize = 100;

    // The consumer label of the lag gauge (samverkan.events.consumer.lag) for subscription streams.
    public const string SubscriberConsumer = "subscription";

    public async Task FollowAsync(string feed, long afterPosition, TimeSpan heartbeat, string resyncHint,
        Func<IReadOnlyList<ChannelEntry>, Task<int>> deliverBatch,
        Func<long, Task> deliverHeartbeat,
        CancellationToken cancellationToken)
    {
        var channel = new ChannelAddress(store.Keyspace.Service, feed);
        var head = await reader.HeadAsync(channel, cancellationToken);
        if (afterPosition < 0 || afterPosition > head)
        {
            throw RuleViolation.Invalid("after_position", $"after_position {afterPosition} is not a position of your organisation's feed (latest {head}).");
        }

        var position = afterPosition;
        using var lag = ConsumerLag.Track(channel, SubscriberConsumer);
        lag.Update(head, position);
        var lastWrite = time.GetUtcNow();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entries = await ReadAsync(channel, position, resyncHint, cancellationToken);
            if (entries.Count > 0)
            {
                // A full batch may have more behind it: ask for the head (one round trip per 100 entries).
                head = entries.Count == BatchSize ? await reader.HeadAsync(channel, cancellationToken) : Math.Max(head, entries[^1].Position);
                lag.Update(head, position);
                var written = await deliverBatch(entries);
                position = entries[^1].Position;
                lag.Update(head, position);
                if (written > 0) lastWrite = time.GetUtcNow();
                continue;
            }

            lag.Update(head: position, position);
            var idle = time.GetUtcNow() - lastWrite;
            if (idle >= heartbeat)
            {
                await deliverHeartbeat(position);
                lastWrite = time.GetUtcNow();
                idle = TimeSpan.Zero;
            }
            await reader.WaitForEntriesAsync(channel, position, heartbeat - idle, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ChannelEntry>> ReadAsync(ChannelAddress channel, long position, string resyncHint,
        CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(channel, position, BatchSize, cancellationToken);
        }
        catch (ChannelTrimmedException trimmed)
        {
            throw new FeedPositionTrimmedException(position, trimmed.OldestAvailable, resyncHint);
        }
    }
}
