namespace Samverkan.GatewayBench;

public sealed record LoadResult(string Target, long Calls, long Errors, TimeSpan Elapsed, double P50Ms, double P99Ms,
    TimeSpan BenchCpu, TimeSpan GatewayCpu)
{
    public double CallsPerSecond => Calls / Elapsed.TotalSeconds;

    // CPU time per call: the bench process (load generator + in-process backends) and the gateway process.
    public double BenchCpuMicrosPerCall => BenchCpu.TotalMicroseconds / Math.Max(1, Calls);
    public double GatewayCpuMicrosPerCall => GatewayCpu.TotalMicroseconds / Math.Max(1, Calls);
}
