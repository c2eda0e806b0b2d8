using System.Globalization;

namespace Samverkan.Gateway.Tests.Overload;

// Size of the overload runs. The tests use the short form; bench/overload/run.sh sets the
// environment variables for the long form and collects the lines written to OVERLOAD_RESULTS.
public static class OverloadRun
{
    public static int Callers => Number("OVERLOAD_CALLERS", 200);
    public static TimeSpan Duration => TimeSpan.FromSeconds(Number("OVERLOAD_SECONDS", 3));
    public static int QuietSamples => Number("OVERLOAD_QUIET_SAMPLES", 200);
    public static int IdleConnections => Number("OVERLOAD_IDLE_CONNECTIONS", 1000);

    // Appends one result line for the benchmark script (no-op in ordinary test runs).
    public static void Report(string line)
    {
        var path = Environment.GetEnvironmentVariable("OVERLOAD_RESULTS");
        if (!string.IsNullOrEmpty(path))
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
