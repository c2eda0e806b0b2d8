using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// Reads channels of any keyspace; consumer positions are those of this process' own keyspace.
internal sealed class RedisChannelReader(IConnectionMultiplexer connection, StoreKeyspace keyspace, ChannelWakeups wakeups) : IChannelReader
{
    private const int MaxReadAttempts = 10;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public async Task<IReadOnlyList<ChannelEntry>> ReadAsync(ChannelAddress channel, long afterPosition, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var db = connection.GetDatabase();
        var listKey = StoreKeyspace.ChannelKey(channel);
        var baseKey = StoreKeyspace.ChannelBaseKey(channel);

        // The list index of a position depends on the trim base, so base and range are read in one
        // MULTI; if a trim moved the base since we guessed it, read again with the new one.
        var trimmed = ToLong(await db.StringGetAsync(baseKey));
        for (var attempt = 1; attempt <= MaxReadAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (afterPosition < trimmed)
            {
                throw new ChannelTrimmedException(channel, afterPosition, trimmed + 1);
            }
            var start = afterPosition - trimmed;
            var transaction = db.CreateTransaction();
            var baseTask = transaction.StringGetAsync(baseKey);
            var rangeTask = transaction.ListRangeAsync(listKey, start, start + max - 1);
            await transaction.ExecuteAsync();
            var actualBase = ToLong(await baseTask);
            if (actualBase == trimmed)
            {
                var values = await rangeTask;
                var entries = new ChannelEntry[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    entries[i] = new ChannelEntry(afterPosition + i + 1, (byte[])values[i]!);
                }
                return entries;
            }
            trimmed = actualBase;
        }
        throw new StoreContentionException(channel.Service, MaxReadAttempts);
    }

    public async Task<long> HeadAsync(ChannelAddress channel, CancellationToken cancellationToken = default)
    {
        var transaction = connection.GetDatabase().CreateTransaction();
        var baseTask = transaction.StringGetAsync(StoreKeyspace.ChannelBaseKey(channel));
        var lengthTask = transaction.ListLengthAsync(StoreKeyspace.ChannelKey(channel));
        await transaction.ExecuteAsync();
        return ToLong(await baseTask) + await lengthTask;
    }

    public async Task WaitForEntriesAsync(ChannelAddress channel, long afterPosition, TimeSpan maxWait, CancellationToken cancellationToken = default)
    {
        var deadline = DateTimeOffset.UtcNow + maxWait;
        while (true)
        {
            var signal = await wakeups.CurrentSignalAsync(channel);
            if (await HeadAsync(channel, cancellationToken) > afterPosition)
            {
                return;
            }
            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            var poll = Task.Delay(remaining < PollInterval ? remaining : PollInterval, cancellationToken);
            await Task.WhenAny(signal, poll);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<long> GetConsumerPositionAsync(ChannelAddress channel, string consumer, CancellationToken cancellationToken = default) =>
        ToLong(await connection.GetDatabase().StringGetAsync(keyspace.ConsumerPosition(channel, consumer)));

    private static long ToLong(RedisValue value) => value.IsNull ? 0 : (long)value;
}
