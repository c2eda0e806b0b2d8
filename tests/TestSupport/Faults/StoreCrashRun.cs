using System.Collections.Concurrent;
using Grpc.Core;
using Samverkan.TestSupport.Store;
using Xunit;

namespace Samverkan.TestSupport.Faults;

// The store dies under concurrent writes and comes back (issue #22's fault test, shared by every
// service's StoreCrashTests): `writers` callers write through `write` until the run ends; once each
// has had acknowledged writes, the store is SIGKILLed, stays down for Outage, and is restarted from
// its own files; the run ends when every writer's calls succeed again. The caller then checks what
// it wrote (AssertOutageWasRetryable, ForEachAsync over the outcomes).
public sealed class StoreCrashRun<TRequest>
{
    // Longer than StackExchange.Redis' 5 s command timeout: a shorter outage is hidden from callers
    // (commands wait in the multiplexer's backlog and succeed after the reconnect), so nothing fails.
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(7);
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUpBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    private StoreCrashRun(IReadOnlyList<WriteOutcome<TRequest>> all, DateTimeOffset killedAt, DateTimeOffset restartedAt)
    {
        All = all;
        KilledAt = killedAt;
        RestartedAt = restartedAt;
    }

    public IReadOnlyList<WriteOutcome<TRequest>> All { get; }
    public IEnumerable<WriteOutcome<TRequest>> Acknowledged => All.Where(o => o.Acknowledged);
    public IReadOnlyList<WriteOutcome<TRequest>> Failed => [.. All.Where(o => !o.Acknowledged)];
    public DateTimeOffset KilledAt { get; }
    public DateTimeOffset RestartedAt { get; }
    public DateTimeOffset RecoveredAt => Acknowledged.Where(o => o.Started > RestartedAt).Min(o => o.Ended);

    // newRequest: a fresh write (new request id). write: sends it with the deadline and returns the
    // id the service answered; an RpcException is the outcome. pause: between one writer's calls
    // (keep the writers below the gateway's per-client rate limit).
    public static async Task<StoreCrashRun<TRequest>> RunAsync(
        StoreServer store, int writers, TimeSpan pause, Func<TRequest> newRequest, Func<TRequest, DateTime, Task<string>> write)
    {
        var outcomes = new ConcurrentQueue<WriteOutcome<TRequest>>();
        // One write first, with a long deadline: a cold platform on a loaded machine (JIT, first
        // token validation, first store connection) once took longer than CallDeadline for the first
        // calls of every writer, which then failed before the crash. Recorded and checked like the rest.
        outcomes.Enqueue(await WriteAsync(newRequest(), write, WarmUpBound));
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                // Not cancelled by `stop`: a call in flight runs to its own end, as a real caller's would.
                outcomes.Enqueue(await WriteAsync(newRequest(), write, CallDeadline));
                await Task.Delay(pause, CancellationToken.None);
            }
        })).ToArray();

        try
        {
            // Under load: the writers have had acknowledged calls before the crash.
            await WaitUntilAsync(() => outcomes.Count(o => o.Acknowledged) >= writers * 3, WarmUpBound, "the writers to warm up");
            var killedAt = DateTimeOffset.UtcNow;
            await store.KillAsync();
            await Task.Delay(Outage);
            await store.StartAsync();
            var restartedAt = DateTimeOffset.UtcNow;

            // The service recovers by itself: calls started after the restart succeed again.
            await WaitUntilAsync(() => outcomes.Count(o => o.Acknowledged && o.Started > restartedAt) >= writers, RecoveryBound,
                "calls to succeed again after the store restarted (the service did not recover by itself)");
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            return new StoreCrashRun<TRequest>([.. outcomes], killedAt, restartedAt);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }
    }

    private static async Task<WriteOutcome<TRequest>> WriteAsync(TRequest request, Func<TRequest, DateTime, Task<string>> write, TimeSpan deadline)
    {
        var started = DateTimeOffset.UtcNow;
        try
        {
            var id = await write(request, DateTime.UtcNow + deadline);
            return new(request, StatusCode.OK, "", id, started, DateTimeOffset.UtcNow);
        }
        catch (RpcException e)
        {
            return new(request, e.StatusCode, e.Status.Detail, null, started, DateTimeOffset.UtcNow);
        }
    }

    // Every failure is one a client retries and says so: Unavailable (or the caller's own deadline),
    // never Internal/Unknown; the outage was seen (otherwise the run proves nothing), and only around it.
    public void AssertOutageWasRetryable()
    {
        Assert.Empty(Failed.Where(o => o.Code is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded)).Select(o => o.ToString()));
        Assert.All(Failed.Where(o => o.Code == StatusCode.Unavailable), o => Assert.Contains("retry", o.Message, StringComparison.OrdinalIgnoreCase));
        // Seen: a call failed while the store was down. Calls started during the outage may still
        // succeed (they wait in the client library's backlog and are sent after the restart), so the
        // failed ones can all have started just before the kill (seen under load average 110).
        Assert.Contains(Failed, o => o.Ended >= KilledAt && o.Started < RestartedAt);
        var recoveredAt = RecoveredAt;
        Assert.All(Failed, o => Assert.True(o.Ended >= KilledAt && o.Started <= recoveredAt, $"failed outside the outage: {o}"));
    }

    // One retry of every request id, as a client whose call failed or whose answer was lost would
    // send it: an acknowledged write answers its first result (replayed, the same id); a failed one
    // is applied once (perhaps replayed: the commit may have landed before the connection broke) or
    // refused with a status other than Internal/Unknown/Unavailable. assertOneRecord then checks that
    // the write left exactly the record the retry named (none when it was refused): no duplicates.
    public async Task<string> AssertRetriesReplayAsync(
        Func<TRequest, Task<Replay>> retry, Func<WriteOutcome<TRequest>, string?, Task> assertOneRecord)
    {
        var appliedOnRetry = 0;
        var alreadyApplied = 0;
        var appliedUnsaid = 0;
        await ForEachAsync(All, async o =>
        {
            Replay? retried = null;
            try
            {
                retried = await retry(o.Request);
            }
            catch (RpcException e) when (!o.Acknowledged)
            {
                Assert.True(e.StatusCode is not (StatusCode.Internal or StatusCode.Unknown or StatusCode.Unavailable),
                    $"retry of a failed call answered {e.StatusCode}: {e.Status.Detail}");
            }
            if (o.Acknowledged)
            {
                Assert.True(retried!.Replayed != false, $"retry of an acknowledged call was not a replay: {o}");
                Assert.Equal(o.Id, retried.Id);
            }
            else if (retried is not null)
            {
                if (retried.Replayed is null) Interlocked.Increment(ref appliedUnsaid);
                else Interlocked.Increment(ref retried.Replayed.Value ? ref alreadyApplied : ref appliedOnRetry);
            }
            await assertOneRecord(o, retried?.Id);
        });
        return $"retries of the {Failed.Count} failed calls: {alreadyApplied} had been applied (replayed), " +
            $"{appliedOnRetry} applied now, {appliedUnsaid} applied (before or now: the API does not say), " +
            $"{Failed.Count - alreadyApplied - appliedOnRetry - appliedUnsaid} refused";
    }

    // One line for the test output: calls, statuses, how long recovery took.
    public string Summary() =>
        $"{All.Count} writes: {Acknowledged.Count()} OK, {Failed.Count} failed " +
        $"({string.Join(", ", Failed.GroupBy(o => o.Code).Select(g => $"{g.Key} {g.Count()}"))}); " +
        $"killed {KilledAt:HH:mm:ss.fff}, restarted {RestartedAt:HH:mm:ss.fff}, first OK after restart {(RecoveredAt - RestartedAt).TotalSeconds:F1} s after it";

    // A few checks in parallel, as a client would after an outage (bounded, below the rate limit).
    public static Task ForEachAsync(IEnumerable<WriteOutcome<TRequest>> outcomes, Func<WriteOutcome<TRequest>, Task> check) =>
        Parallel.ForEachAsync(outcomes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (o, _) => await check(o));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan bound, string what)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Waited {bound.TotalSeconds} s for {what}.");
            await Task.Delay(100);
        }
    }
}
