namespace Samverkan.DischargeNotices.Bench;

// CPU time (user + system) that named processes spent between two snapshots, read from
// /proc/{pid}/stat. On a 2-core machine every process on a path competes for the same cores, so
// CPU per call, not wall time, explains what a hop costs.
public sealed class ProcessCpu(IReadOnlyDictionary<string, int> processes)
{
    // /proc reports in clock ticks; USER_HZ is 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public IReadOnlyDictionary<string, TimeSpan> Snapshot() =>
        processes.ToDictionary(p => p.Key, p => ReadCpu(p.Value));

    public static IReadOnlyDictionary<string, TimeSpan> Spent(
        IReadOnlyDictionary<string, TimeSpan> before, IReadOnlyDictionary<string, TimeSpan> after) =>
        after.ToDictionary(a => a.Key, a => a.Value - before[a.Key]);

    private static TimeSpan ReadCpu(int pid)
    {
        // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
