using Samverkan.TestSupport.Store;

namespace Samverkan.Bench.StoreCommits;

internal sealed record BenchArguments(IReadOnlyList<StoreKind> Stores, IReadOnlyList<int> Callers, IReadOnlyList<string> Workloads,
    TimeSpan Seconds, TimeSpan Warmup, int? CommitConnections, bool Ceiling)
{
    public static BenchArguments Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        var stores = Value("--stores", "redis,garnet").Split(',').Select(s => Enum.Parse<StoreKind>(s, ignoreCase: true)).ToArray();
        var callers = Value("--callers", "1,16,64,256").Split(',').Select(int.Parse).ToArray();
        var workloads = Value("--workloads", string.Join(',', Samverkan.Bench.StoreCommits.Workloads.Names)).Split(',');
        foreach (var workload in workloads)
        {
            _ = Samverkan.Bench.StoreCommits.Workloads.Describe(workload);
        }
        var connections = Value("--commit-connections", "");
        return new BenchArguments(stores, callers, workloads,
            TimeSpan.FromSeconds(double.Parse(Value("--seconds", "8"), System.Globalization.CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup", "2"), System.Globalization.CultureInfo.InvariantCulture)),
            connections.Length == 0 ? null : int.Parse(connections),
            Ceiling: !args.Contains("--no-ceiling"));
    }
}
