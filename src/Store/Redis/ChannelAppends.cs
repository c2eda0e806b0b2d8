using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// The channel appends of one commit. Per channel, the transaction reads the trim base and pushes
// all entries: position of an entry = base + its 1-based index in the list. Base and list change
// together only (trimming is LTRIM + INCRBY base in one MULTI), so the pair read inside EXEC is
// consistent and positions never move.
internal sealed class ChannelAppends
{
    private readonly List<AppendToChannel> _appends = [];
    private readonly Dictionary<string, (Task<RedisValue> Base, Task<long> Length, int Count)> _queued = [];

    public void Add(AppendToChannel append) => _appends.Add(append);

    public void Queue(ITransaction transaction, StoreKeyspace keyspace)
    {
        foreach (var group in _appends.GroupBy(a => a.Channel))
        {
            var values = group.Select(a => (RedisValue)a.Payload).ToArray();
            var baseTask = transaction.StringGetAsync(keyspace.ChannelBase(group.Key));
            var lengthTask = transaction.ListRightPushAsync(keyspace.Channel(group.Key), values);
            _queued[group.Key] = (baseTask, lengthTask, values.Length);
        }
    }

    // Only after a successful EXEC (otherwise the queued tasks are cancelled).
    public async Task<IReadOnlyList<AppendedEntry>> PositionsAsync()
    {
        if (_appends.Count == 0)
        {
            return [];
        }
        var next = new Dictionary<string, long>();
        foreach (var (channel, queued) in _queued)
        {
            var trimmed = await queued.Base;
            var length = await queued.Length;
            next[channel] = (trimmed.IsNull ? 0 : (long)trimmed) + length - queued.Count + 1;
        }
        var result = new List<AppendedEntry>(_appends.Count);
        foreach (var append in _appends)
        {
            result.Add(new AppendedEntry(append.Channel, next[append.Channel]++));
        }
        return result;
    }

    // A wake-up for readers waiting on the channel; the message is the new head. Losing it only
    // delays readers until their polling fallback.
    public async Task AnnounceAsync(ISubscriber subscriber, StoreKeyspace keyspace)
    {
        foreach (var (channel, queued) in _queued)
        {
            var trimmed = await queued.Base;
            var head = (trimmed.IsNull ? 0 : (long)trimmed) + await queued.Length;
            await subscriber.PublishAsync(
                RedisChannel.Literal(StoreKeyspace.ChannelNotification(new ChannelAddress(keyspace.Service, channel))),
                head, CommandFlags.FireAndForget);
        }
    }
}
