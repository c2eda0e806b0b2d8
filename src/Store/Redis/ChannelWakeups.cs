using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// One pub/sub subscription per channel notify key, shared by every waiter in the process. A waiter
// takes the current signal, checks the channel, then awaits the signal: a notification published
// after the check cannot be missed. Notifications are hints only (pub/sub is lossy across
// reconnects), so waiters also poll.
internal sealed class ChannelWakeups(IConnectionMultiplexer connection) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Signal> _signals = new();

    public async Task<Task> CurrentSignalAsync(ChannelAddress channel)
    {
        var key = StoreKeyspace.ChannelNotification(channel);
        var signal = _signals.GetOrAdd(key, _ => new Signal());
        await signal.EnsureSubscribedAsync(connection.GetSubscriber(), key);
        return signal.Current;
    }

    public async ValueTask DisposeAsync()
    {
        var subscriber = connection.GetSubscriber();
        foreach (var key in _signals.Keys)
        {
            try
            {
                await subscriber.UnsubscribeAsync(RedisChannel.Literal(key));
            }
            catch (RedisException)
            {
                // Shutting down; the connection may already be gone.
            }
        }
        _signals.Clear();
    }

    private sealed class Signal
    {
        private readonly SemaphoreSlim _subscribing = new(1, 1);
        private TaskCompletionSource _current = NewSource();
        private bool _subscribed;

        public Task Current => Volatile.Read(ref _current).Task;

        public async Task EnsureSubscribedAsync(ISubscriber subscriber, string key)
        {
            if (Volatile.Read(ref _subscribed))
            {
                return;
            }
            await _subscribing.WaitAsync();
            try
            {
                if (!_subscribed)
                {
                    await subscriber.SubscribeAsync(RedisChannel.Literal(key), (_, _) => Fire());
                    Volatile.Write(ref _subscribed, true);
                }
            }
            finally
            {
                _subscribing.Release();
            }
        }

        private void Fire() => Interlocked.Exchange(ref _current, NewSource()).TrySetResult();

        private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
