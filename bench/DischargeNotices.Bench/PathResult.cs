namespace Samverkan.DischargeNotices.Bench;

// One measured round on one path: completed calls, errors, elapsed time and every call's latency.
public sealed record PathResult(long Calls, long Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;
    public double P50Ms => Percentile(0.50);
    public double P99Ms => Percentile(0.99);

    // Rounds of one path taken together: calls over total time, percentiles over all calls.
    public static PathResult Pool(IReadOnlyCollection<PathResult> rounds) => new(
        rounds.Sum(r => r.Calls),
        rounds.Sum(r => r.Errors),
        TimeSpan.FromTicks(rounds.Sum(r => r.Elapsed.Ticks)),
        [.. rounds.SelectMany(r => r.LatenciesMs).Order()]);

    private double Percentile(double quantile)
    {
        if (LatenciesMs.Length == 0) return double.NaN;
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
    }
}
