namespace Samverkan.DischargeNotices.Bench;

public sealed record FanOutResult(int Samples, IReadOnlyList<double> SortedMs)
{
    public int Missing => Samples - SortedMs.Count;

    public override string ToString() => SortedMs.Count == 0
        ? "fan-out: no deliveries received"
        : $"fan-out through the gateway (send call start → delivery on the subscriber's stream), {SortedMs.Count}/{Samples} samples: " +
          $"p50 {At(0.50):F1} ms, p99 {At(0.99):F1} ms, max {SortedMs[^1]:F1} ms; missing {Missing}";

    private double At(double quantile) => SortedMs[Math.Min(SortedMs.Count - 1, (int)Math.Ceiling(quantile * SortedMs.Count) - 1)];
}
