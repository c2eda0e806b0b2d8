using StackExchange.Redis;

namespace Samverkan.Store.Consumers;

// Removes old entries of a channel of this keyspace, never more than every registered consumer has
// passed. Two rules:
//   TrimAsync         down to the slowest registered consumer; no registered consumer: nothing.
//   TrimThroughAsync  up to a position the owning service chose (a retention rule for readers that
//                     are not registered consumers, e.g. external subscribers of a feed), still
//                     bounded by the slowest registered consumer if there is one.
// Trimming is LTRIM plus INCRBY of the channel's base in one MULTI, watched on the base (another
// trimmer) and the registry (a consumer registering meanwhile), so positions stay absolute and a new
// consumer is never skipped past. Consumer positions are read without WATCH (they live in other
// keyspaces, i.e. other cluster slots); that is safe because positions only move forward.
public sealed class ChannelTrimmer(IConnectionMultiplexer connection, StoreKeyspace keyspace)
{
    private const int MaxAttempts = 10;

    // Returns the number of entries removed.
    public Task<long> TrimAsync(string channel, CancellationToken cancellationToken = default) =>
        TrimAsync(channel, through: null, cancellationToken);

    // Removes the entries at positions 1..position that are still there (and every registered consumer
    // has passed). Readers asking for entries after a removed position get ChannelTrimmedException.
    // Returns the number of entries removed.
    public Task<long> TrimThroughAsync(string channel, long position, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return TrimAsync(channel, position, cancellationToken);
    }

    private async Task<long> TrimAsync(string channel, long? through, CancellationToken cancellationToken)
    {
        var address = new ChannelAddress(keyspace.Service, channel);
        var listKey = StoreKeyspace.ChannelKey(address);
        var baseKey = StoreKeyspace.ChannelBaseKey(address);
        var registryKey = StoreKeyspace.ChannelConsumersKey(address);
        var db = connection.GetDatabase();

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var consumers = await db.SetMembersAsync(registryKey);
            if (consumers.Length == 0 && through is null)
            {
                return 0;
            }
            var trimmed = await db.StringGetAsync(baseKey);
            var length = await db.ListLengthAsync(listKey);
            var limit = through ?? long.MaxValue;
            if (consumers.Length > 0)
            {
                var positions = await Task.WhenAll(consumers.Select(c => db.StringGetAsync((string)c!)));
                limit = Math.Min(limit, positions.Min(p => p.IsNull ? 0 : (long)p));
            }
            var count = Math.Min(limit - (trimmed.IsNull ? 0 : (long)trimmed), length);
            if (count <= 0)
            {
                return 0;
            }

            var transaction = db.CreateTransaction();
            transaction.AddCondition(trimmed.IsNull ? Condition.KeyNotExists(baseKey) : Condition.StringEqual(baseKey, trimmed));
            transaction.AddCondition(Condition.SetLengthEqual(registryKey, consumers.Length));
            _ = transaction.ListTrimAsync(listKey, count, -1);
            _ = transaction.StringIncrementAsync(baseKey, count);
            if (await transaction.ExecuteAsync())
            {
                StoreTelemetry.TrimmedEntries.Add(count, new KeyValuePair<string, object?>("keyspace", keyspace.Service));
                return count;
            }
        }
        throw new StoreContentionException(keyspace.Service, MaxAttempts);
    }
}
