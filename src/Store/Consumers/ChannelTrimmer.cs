using StackExchange.Redis;

namespace Samverkan.Store.Consumers;

// Removes the entries of a channel of this keyspace that every registered consumer has passed, and
// never more: no registered consumer means nothing is trimmed. Trimming is LTRIM plus INCRBY of the
// channel's base in one MULTI, watched on the base (another trimmer) and the registry (a consumer
// registering meanwhile), so positions stay absolute and a new consumer is never skipped past.
// Consumer positions are read without WATCH (they live in other keyspaces, i.e. other cluster
// slots); that is safe because positions only move forward.
public sealed class ChannelTrimmer(IConnectionMultiplexer connection, StoreKeyspace keyspace)
{
    private const int MaxAttempts = 10;

    // Returns the number of entries removed.
    public async Task<long> TrimAsync(string channel, CancellationToken cancellationToken = default)
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
            if (consumers.Length == 0)
            {
                return 0;
            }
            var trimmed = await db.StringGetAsync(baseKey);
            var length = await db.ListLengthAsync(listKey);
            var positions = await Task.WhenAll(consumers.Select(c => db.StringGetAsync((string)c!)));
            var slowest = positions.Min(p => p.IsNull ? 0 : (long)p);
            var count = Math.Min(slowest - (trimmed.IsNull ? 0 : (long)trimmed), length);
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
