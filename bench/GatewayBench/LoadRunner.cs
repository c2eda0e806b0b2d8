using System.Diagnostics;
using Grpc.Core;
using Samverkan.GatewayBench.Protos;

namespace Samverkan.GatewayBench;

// Closed-loop load: `concurrency` workers each issue one unary call at a time until the duration
// ends or they reach their call cap (bounded loops), recording every call's latency.
public static class LoadRunner
{
    public const int MaxCallsPerWorker = 2_000_000;

    public static async Task<LoadResult> RunAsync(string target, Echo.EchoClient client, Metadata? headers, int concurrency, TimeSpan duration,
        Process gateway)
    {
        var self = Process.GetCurrentProcess();
        gateway.Refresh();
        var benchCpuBefore = self.TotalProcessorTime;
        var gatewayCpuBefore = gateway.TotalProcessorTime;
        var request = new EchoRequest { Message = "samverkan-bench" };
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();

        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkerAsync(client, request, headers, stop)))
            .ToArray();
        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        self.Refresh();
        gateway.Refresh();
        var benchCpu = self.TotalProcessorTime - benchCpuBefore;
        var gatewayCpu = gateway.TotalProcessorTime - gatewayCpuBefore;

        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        return new LoadResult(target, latencies.LongLength, results.Sum(r => r.Errors), elapsed,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), benchCpu, gatewayCpu);
    }

    private static async Task<(List<double> Latencies, long Errors)> WorkerAsync(
        Echo.EchoClient client, EchoRequest request, Metadata? headers, long stop)
    {
        var latencies = new List<double>(capacity: 16_384);
        long errors = 0;
        while (latencies.Count < MaxCallsPerWorker && Stopwatch.GetTimestamp() < stop)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await client.SayAsync(request, headers);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (RpcException)
            {
                // Counted, not timed; a run with errors is reported as such.
                errors++;
                if (errors > 1000) break;
            }
        }
        return (latencies, errors);
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
