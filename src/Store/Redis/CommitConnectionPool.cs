using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// Connections for checked commits, one commit at a time on each. A commit with conditions is a
// WATCH ... EXEC sequence whose WATCH belongs to the connection, and StackExchange.Redis holds the
// connection while it waits for the condition replies: on one shared connection, commits therefore
// ran one after another, one fsync each. Here every in-flight commit has a connection of its own, so
// concurrent commits reach the server in the same event-loop pass and share one fsync (Redis with
// appendfsync always; Garnet's commit-wait groups them likewise).
//
// Connections are opened on first need (up to the size) and kept; callers beyond the size wait,
// in arrival order, for one to be returned. They are multiplexers of their own (same endpoint and
// options as the shared one, without pub/sub), so each reconnects by itself after a store restart.
internal sealed class CommitConnectionPool(ConfigurationOptions options, int size) : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _free = new(size, size);
    private readonly ConcurrentStack<ConnectionMultiplexer> _idle = new();
    private readonly ConcurrentBag<ConnectionMultiplexer> _all = [];
    private readonly TransactionThreads _threads = new();
    private volatile bool _disposed;

    public int Size => size;

    // The number of connections opened so far (at most Size).
    public int Opened => _all.Count;

    public static ConfigurationOptions OptionsFrom(ConfigurationOptions shared)
    {
        var options = shared.Clone();
        // Start even if the store is down (the commit then fails like any command would) and reconnect.
        options.AbortOnConnectFail = false;
        options.ClientName = (shared.ClientName ?? "store") + "-commit";
        // No subscription connection: these connections only run transactions.
        options.CommandMap = CommandMap.Create(
            new HashSet<string> { "SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE", "UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE" },
            available: false);
        return options;
    }

    public async Task<Lease> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _free.WaitAsync(cancellationToken);
        try
        {
            if (_idle.TryPop(out var connection))
            {
                return new Lease(this, connection);
            }
            connection = await ConnectionMultiplexer.ConnectAsync(options.Clone());
            _all.Add(connection);
            _threads.Add();
            return new Lease(this, connection);
        }
        catch
        {
            _free.Release();
            throw;
        }
    }

    private void Return(ConnectionMultiplexer connection)
    {
        _idle.Push(connection);
        _free.Release();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _threads.Dispose();
        foreach (var connection in _all)
        {
            await connection.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _threads.Dispose();
        foreach (var connection in _all)
        {
            connection.Dispose();
        }
    }

    public readonly struct Lease(CommitConnectionPool pool, ConnectionMultiplexer connection) : IDisposable
    {
        public IDatabase Database => connection.GetDatabase();

        // Sends the transaction (created on Database) from a commit thread; completes with EXEC's reply.
        public Task<bool> ExecuteAsync(ITransaction transaction) => pool._threads.ExecuteAsync(transaction);

        public void Dispose() => pool.Return(connection);
    }
}
