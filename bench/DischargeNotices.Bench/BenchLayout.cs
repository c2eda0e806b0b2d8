using Samverkan.TestSupport.Processes;

namespace Samverkan.DischargeNotices.Bench;

// Where the processes may run.
//   shared   - every process on every CPU: the gateway competes with the client, service and store
//              for the same 2 cores (a gateway co-located with its services on a small host);
//   isolated - the gateway processes alone on the last CPU, everything else on the others: as
//              deployed, where the gateway runs in its own container/node and adding it takes no CPU
//              from the services. The direct path then has the same CPUs as the rest of the gateway path.
public sealed record BenchLayout(string Name)
{
    public static readonly BenchLayout Shared = new("shared");
    public static readonly BenchLayout Isolated = new("isolated");

    public static BenchLayout Parse(string name) => name.Trim() switch
    {
        "shared" => Shared,
        "isolated" => Isolated,
        _ => throw new ArgumentException($"Unknown layout '{name}': use shared, isolated or both (comma-separated)."),
    };

    // Pins the named processes; false when the machine cannot (then nothing is changed).
    public bool TryApply(IReadOnlyDictionary<string, int> processes, IReadOnlyCollection<string> gatewayProcesses)
    {
        if (!CpuAffinity.IsAvailable) return this == Shared;
        var last = Environment.ProcessorCount - 1;
        foreach (var (name, pid) in processes)
        {
            var cpus = this == Shared ? $"0-{last}" : gatewayProcesses.Contains(name) ? $"{last}" : $"0-{last - 1}";
            CpuAffinity.Pin(pid, cpus);
        }
        return true;
    }
}
