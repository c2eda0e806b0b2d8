namespace Samverkan.DischargeNotices.Bench;

// What one CPU layout measured, per path, and its report (markdown tables, as in docs/benchmarks.md).
public sealed class LayoutResults(IReadOnlyList<BenchPath> paths)
{
    public Dictionary<string, List<PathResult>> Writes { get; } = paths.ToDictionary(p => p.Name, _ => new List<PathResult>());

    public Dictionary<string, List<PathResult>> Reads { get; } = paths.ToDictionary(p => p.Name, _ => new List<PathResult>());

    public Dictionary<string, List<IReadOnlyDictionary<string, TimeSpan>>> WriteCpu { get; } =
        paths.ToDictionary(p => p.Name, _ => new List<IReadOnlyDictionary<string, TimeSpan>>());

    public Dictionary<string, List<IReadOnlyDictionary<string, TimeSpan>>> ReadCpu { get; } =
        paths.ToDictionary(p => p.Name, _ => new List<IReadOnlyDictionary<string, TimeSpan>>());

    public void Print(BenchLayout layout)
    {
        Console.WriteLine();
        Console.WriteLine($"## layout: {layout.Name}");
        Console.WriteLine();
        Console.WriteLine("| operation | path | calls/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (operation, byPath) in new[] { ("SendAdmissionNotice", Writes), ("GetCase", Reads) })
        {
            foreach (var path in paths)
            {
                var pooled = PathResult.Pool(byPath[path.Name]);
                Console.WriteLine($"| {operation} | {path.Name} | {pooled.CallsPerSecond:N0} | {pooled.P50Ms:0.0} | {pooled.P99Ms:0.0} | {pooled.Errors} |");
            }
        }
        Console.WriteLine();
        foreach (var (operation, byPath) in new[] { ("SendAdmissionNotice", Writes), ("GetCase", Reads) })
        {
            var direct = PathResult.Pool(byPath[BenchPath.Direct]);
            var viaGateway = PathResult.Pool(byPath[BenchPath.ViaGateway]);
            var unrecorded = PathResult.Pool(byPath[BenchPath.WithoutAccessRecords]);
            Console.WriteLine($"gateway cost for {operation}: {1 - viaGateway.CallsPerSecond / direct.CallsPerSecond:P1} of direct throughput (target: at most 30%)");
            Console.WriteLine($"audit logging cost for {operation} through the gateway: {1 - viaGateway.CallsPerSecond / unrecorded.CallsPerSecond:P1} of throughput, " +
                $"p50 {viaGateway.P50Ms - unrecorded.P50Ms:+0.00;-0.00} ms, p99 {viaGateway.P99Ms - unrecorded.P99Ms:+0.0;-0.0} ms");
        }
        PrintCpu("SendAdmissionNotice", Writes, WriteCpu);
        PrintCpu("GetCase", Reads, ReadCpu);
    }

    // Where the CPU of a call goes. When the path's processes saturate the cores they share, its
    // throughput is bounded by its CPU per call, so this table explains the cost instead of guessing;
    // "busy" (total CPU per call x calls/s over the machine's cores) says whether CPU is what binds.
    private void PrintCpu(string operation, Dictionary<string, List<PathResult>> results,
        Dictionary<string, List<IReadOnlyDictionary<string, TimeSpan>>> spentByPath)
    {
        Console.WriteLine();
        Console.WriteLine($"CPU per {operation}, µs (user + system over its rounds / calls; 10 ms clock ticks), by process serving the path; " +
            "\"other\" = the remaining processes meanwhile; busy = share of all cores used during the rounds:");
        Console.WriteLine();
        Console.WriteLine("| path | client | gateway | service | store | other | total | busy |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var path in paths)
        {
            var rounds = results[path.Name];
            var calls = (double)rounds.Sum(r => r.Calls);
            var spent = spentByPath[path.Name];
            double PerCall(string process) => spent.Sum(s => s[process].TotalMicroseconds) / calls;
            var other = spent[0].Keys.Except(path.ServingProcesses).Sum(PerCall);
            var total = path.ServingProcesses.Sum(PerCall) + other;
            var busy = total * calls / (rounds.Sum(r => r.Elapsed.TotalMicroseconds) * Environment.ProcessorCount);
            var gateway = path.Gateway is null ? "–" : PerCall(path.Gateway).ToString("0");
            Console.WriteLine($"| {path.Name} | {PerCall("client"):0} | {gateway} | {PerCall(path.Service):0} | {PerCall("store"):0} | {other:0} | {total:0} | {busy:P0} |");
        }
    }
}
