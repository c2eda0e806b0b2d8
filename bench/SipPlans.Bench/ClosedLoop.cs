using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace Samverkan.SipPlans.Bench;

// `concurrency` callers each calling as soon as their previous call returned (a closed loop), for a
// number of calls or a duration. Failed calls are counted and the first few printed, never hidden.
public sealed record LoopResult(int Calls, long Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public override string ToString() =>
        $"{Calls,6} calls in {Elapsed.TotalSeconds,5:F1} s = {PerSecond,7:F0}/s  p50 {Percentile(50),6:F1} ms  p99 {Percentile(99),6:F1} ms  errors {Errors}";
}

public static class ClosedLoop
{
    public static Task<LoopResult> CountAsync(int count, int concurrency, Func<int, Task> call)
    {
        var next = -1;
        return RunAsync(concurrency, _ => Interlocked.Increment(ref next) is var i && i < count ? i : null, call);
    }

    public static Task<LoopResult> ForAsync(TimeSpan duration, int concurrency, Func<int, Task> call)
    {
        var watch = Stopwatch.StartNew();
        var next = -1;
        return RunAsync(concurrency, _ => watch.Elapsed < duration ? Interlocked.Increment(ref next) : null, call);
    }

    private static async Task<LoopResult> RunAsync(int concurrency, Func<int, int?> nextIndex, Func<int, Task> call)
    {
        var latencies = new ConcurrentQueue<double>();
        long errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (nextIndex(worker) is { } i && Interlocked.Read(ref errors) < 1000)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(i);
                    latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (RpcException ex)
                {
                    if (Interlocked.Increment(ref errors) <= 3) Console.Error.WriteLine($"  call failed: {ex.StatusCode} {ex.Status.Detail}");
                }
            }
        }));
        return new LoopResult(latencies.Count, errors, watch.Elapsed, [.. latencies]);
    }
}
