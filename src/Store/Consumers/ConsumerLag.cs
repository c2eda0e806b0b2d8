using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Samverkan.Store.Consumers;

// How far behind its channel's head each reader of a channel is, in entries: the gauge
// samverkan.events.consumer.lag (labels channel = "{keyspace}/{channel}", consumer). Every reader in
// the platform reports through here: ChannelConsumerService (integration events, audit channels) and
// ServiceCore's FeedFollower (subscription streams), so a new consumer gets the metric without code.
// Several readers with the same labels (e.g. two streams of one organisation's feed) report the
// largest lag, the one an operator has to act on. Labels are keyspace, channel and consumer names:
// never ids (a feed channel is named by organisation code at most).
public static class ConsumerLag
{
    public const string InstrumentName = "samverkan.events.consumer.lag";

    private static readonly ConcurrentDictionary<Tracker, byte> Trackers = new();

    static ConsumerLag()
    {
        StoreTelemetry.Meter.CreateObservableGauge(InstrumentName, Observe, "{entry}",
            "Channel entries committed but not yet handled by a consumer (channel head minus the consumer's position).");
    }

    public static Tracker Track(ChannelAddress channel, string consumer)
    {
        var tracker = new Tracker($"{channel.Service}/{channel.Channel}", consumer);
        Trackers.TryAdd(tracker, 0);
        return tracker;
    }

    // Current lags, one per (channel, consumer): for tests and the operations page's own checks.
    public static IReadOnlyDictionary<(string Channel, string Consumer), long> Snapshot() =>
        Trackers.Keys.GroupBy(t => (t.Channel, t.Consumer)).ToDictionary(g => g.Key, g => g.Max(t => t.Lag));

    private static IEnumerable<Measurement<long>> Observe() =>
        Snapshot().Select(lag => new Measurement<long>(lag.Value,
            new KeyValuePair<string, object?>("channel", lag.Key.Channel),
            new KeyValuePair<string, object?>("consumer", lag.Key.Consumer)));

    // One reader's lag. Dispose when the reader stops (a closed stream no longer lags).
    public sealed class Tracker(string channel, string consumer) : IDisposable
    {
        private long _lag;

        public string Channel { get; } = channel;
        public string Consumer { get; } = consumer;
        public long Lag => Volatile.Read(ref _lag);

        // head: the channel's newest position; position: the last one this reader has handled.
        public void Update(long head, long position) => Volatile.Write(ref _lag, Math.Max(0, head - position));

        public void Dispose() => Trackers.TryRemove(this, out _);
    }
}
