using StackExchange.Redis;

namespace Samverkan.Store.Consumers;

// The registry of consumers a channel's trimmer must wait for. A consumer registers (idempotently)
// before it reads; from then on no entry it has not passed is trimmed. A consumer that is retired for
// good must be unregistered, or the channel is never trimmed below its last position.
public sealed class ChannelConsumers(IConnectionMultiplexer connection, StoreKeyspace keyspace)
{
    // Registers a consumer of this process' keyspace (its position lives here).
    public Task RegisterAsync(ChannelAddress channel, string consumer) =>
        connection.GetDatabase().SetAddAsync(StoreKeyspace.ChannelConsumersKey(channel), keyspace.ConsumerPosition(channel, consumer));

    public Task UnregisterAsync(ChannelAddress channel, string consumer) =>
        connection.GetDatabase().SetRemoveAsync(StoreKeyspace.ChannelConsumersKey(channel), keyspace.ConsumerPosition(channel, consumer));
}
