namespace Samverkan.Store;

// An append-only log in some service's keyspace: integration events, audit records, per-organisation feeds.
// Entries have absolute positions (1, 2, 3, ...) that never change, even after old entries are trimmed.
public sealed record ChannelAddress(string Service, string Channel);

public sealed record ChannelEntry(long Position, ReadOnlyMemory<byte> Payload);

public interface IChannelReader
{
    // Entries after the given position (exclusive), oldest first, at most max.
    // Throws ChannelTrimmedException when entries after 'afterPosition' have already been trimmed.
    Task<IReadOnlyList<ChannelEntry>> ReadAsync(ChannelAddress channel, long afterPosition, int max, CancellationToken cancellationToken = default);

    // The position of the newest entry (0 when empty).
    Task<long> HeadAsync(ChannelAddress channel, CancellationToken cancellationToken = default);

    // Completes when the channel may have new entries after the position (pub/sub wake-up with a polling fallback).
    Task WaitForEntriesAsync(ChannelAddress channel, long afterPosition, TimeSpan maxWait, CancellationToken cancellationToken = default);

    // A consumer's committed position (0 when it has never consumed).
    Task<long> GetConsumerPositionAsync(ChannelAddress channel, string consumer, CancellationToken cancellationToken = default);
}

public sealed class ChannelTrimmedException(ChannelAddress channel, long requested, long oldestAvailable)
    : Exception($"Channel {channel.Service}/{channel.Channel}: entries after {requested} were trimmed; the oldest available is {oldestAvailable}.")
{
    public long OldestAvailable { get; } = oldestAvailable;
}
