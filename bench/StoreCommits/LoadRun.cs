using System.Diagnostics;

namespace Samverkan.Bench.StoreCommits;

// Runs an operation from N concurrent callers for a fixed time (after a warm-up) and reports
// throughput, latency and the CPU time each process spent per operation.
internal sealed record LoadResult(int Callers, long Succeeded, long Refused, long Failed, double Seconds,
    double P50Ms, double P99Ms, double BenchCpuUsPerOp, double StoreCpuUsPerOp)
{
    public double PerSecond => Succeeded / Seconds;
}

internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(int callers, TimeSpan warmup, TimeSpan duration, Func<int, Func<long, Task<bool>>> operationFor, Process store)
    {
        var operations = Enumerable.Range(0, callers).Select(operationFor).ToArray();
        var measuring = false;
        var stop = false;
        var latencies = new List<double>[callers];
        var succeeded = new long[callers];
        var refused = new long[callers];
        var failed = new long[callers];

        var tasks = Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var list = latencies[caller] = new List<double>(1 << 14);
            for (long n = 0; !Volatile.Read(ref stop); n++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operations[caller](n);
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                {
                    if (Volatile.Read(ref measuring)) failed[caller]++;
                    continue;
                }
                if (!Volatile.Read(ref measuring)) continue;
                list.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok) succeeded[caller]++; else refused[caller]++;
            }
        })).ToArray();

        await Task.Delay(warmup);
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        store.Refresh();
        var storeCpu = store.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var seconds = clock.Elapsed.TotalSeconds;
        var benchSpent = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;
        store.Refresh();
        var storeSpent = store.TotalProcessorTime - storeCpu;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(tasks);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var ops = Math.Max(1, all.Length);
        return new LoadResult(callers, succeeded.Sum(), refused.Sum(), failed.Sum(), seconds,
            Percentile(all, 0.50), Percentile(all, 0.99),
            benchSpent.TotalMicroseconds / ops, storeSpent.TotalMicroseconds / ops);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
