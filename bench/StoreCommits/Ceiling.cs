using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Samverkan.Bench.StoreCommits;

// The ceiling: redis-benchmark SET (one durable write per request, the size of a notice commit)
// against the same server, so with the same durability (appendfsync always / commit-wait).
internal static partial class Ceiling
{
    public const int ValueSize = 3_300;

    public static string Command(int port, int clients, int requests) =>
        $"redis-benchmark -h 127.0.0.1 -p {port} -t set -d {ValueSize} -c {clients} -n {requests} -q";

    // Requests per second, or null when redis-benchmark is not installed.
    public static async Task<double?> SetsPerSecondAsync(int port, int clients, int requests)
    {
        var start = new ProcessStartInfo("redis-benchmark")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in Command(port, clients, requests).Split(' ').Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            var match = RequestsPerSecond().Matches(output.Replace('\r', '\n')).LastOrDefault();
            return match is null ? null : double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"SET: ([0-9.]+) requests per second")]
    private static partial Regex RequestsPerSecond();
}
