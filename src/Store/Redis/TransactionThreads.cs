using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Samverkan.Store.Redis;

// Threads that send transactions with conditions. StackExchange.Redis sends WATCH and the condition
// commands, then BLOCKS the sending thread (Monitor.Wait) until their replies arrive, and only then
// writes MULTI ... EXEC. With many connections sending at once, that would block as many thread-pool
// threads, for one server round trip each; on a small machine the pool starves, the replies that
// would release them are not read in time and commands hit the 5 s timeout. So the blocking part runs
// here: one thread per commit connection (there is never more than one transaction in flight per
// connection), and the caller awaits EXEC's reply asynchronously as before.
internal sealed class TransactionThreads : IDisposable
{
    private readonly BlockingCollection<(ITransaction Transaction, TaskCompletionSource<Task<bool>> Sent)> _queue = new();
    private int _threads;

    public int Count => Volatile.Read(ref _threads);

    public void Add()
    {
        var thread = new Thread(Run)
        {
            IsBackground = true,
            Name = $"store commit {Interlocked.Increment(ref _threads)}",
        };
        thread.Start();
    }

    // Completes with EXEC's reply: true when the transaction was applied.
    public Task<bool> ExecuteAsync(ITransaction transaction)
    {
        var sent = new TaskCompletionSource<Task<bool>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((transaction, sent));
        return sent.Task.Unwrap();
    }

    private void Run()
    {
        foreach (var (transaction, sent) in _queue.GetConsumingEnumerable())
        {
            try
            {
                sent.SetResult(transaction.ExecuteAsync());
            }
            catch (Exception e)
            {
                sent.SetException(e);
            }
        }
    }

    public void Dispose() => _queue.CompleteAdding();
}
