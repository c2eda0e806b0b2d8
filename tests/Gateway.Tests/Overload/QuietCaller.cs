using System.Diagnostics;
using Grpc.Core;
using Samverkan.Gateway.Tests.Protos;

namespace Samverkan.Gateway.Tests.Overload;

// Another municipality's system calling one call at a time, at most one call per Interval (500 calls/s,
// half its per-client limit in the test gateway): a well-behaved system, so a failure here is the
// storm's doing, not its own rate limit (on a quiet machine an unpaced caller reached ~950 calls/s and
// was, rightly, refused now and then). Its latencies and any failure.
public sealed class QuietCaller(Echo.EchoClient client)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(2);

    private readonly List<double> _milliseconds = [];
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;
    public int Calls => _milliseconds.Count + _failures.Count;

    // Calls until `count` calls are done or `stop` fires, whichever comes first.
    public async Task RunAsync(int count, CancellationToken stop)
    {
        var schedule = Stopwatch.StartNew();
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            var wait = Interval * i - schedule.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, stop); }
                catch (OperationCanceledException) { break; }
            }
            var clock = Stopwatch.StartNew();
            try
            {
                await client.SayAsync(new EchoRequest { Message = "quiet" }, deadline: DateTime.UtcNow.AddSeconds(10));
                _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
            }
            catch (RpcException e)
            {
                _failures.Add($"{e.StatusCode}: {e.Status.Detail}");
            }
        }
    }

    public double Percentile(double p)
    {
        if (_milliseconds.Count == 0) return double.NaN;
        var sorted = _milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        $"{_milliseconds.Count} ok, {_failures.Count} failed, p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms";
}
