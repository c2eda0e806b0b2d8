using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Samverkan.AppHost.Hosting;

// A launcher killed with SIGKILL (or a crashed terminal) cannot stop its children; they keep the
// platform's ports. The next launch with the same state file finds them there - the previous
// launcher's pid is dead, yet the processes it recorded still run - and stops them before checking
// ports. A recorded pid only counts if it is still that resource: a project child still carries
// OTEL_SERVICE_NAME={resource} in its environment, the store still names its port on its command
// line; a pid the system has meanwhile given to something else is left alone.
public static class LeftoverProcesses
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(15);

    public static async Task<int> StopAsync(string stateFilePath, LauncherConsole console)
    {
        if (!OperatingSystem.IsLinux() || Previous(stateFilePath) is not { } previous || IsRunning(previous.AppHostPid))
        {
            return 0;
        }

        var leftovers = previous.Resources.Where(r => r.Pid is { } pid && pid != Environment.ProcessId && IsStill(r, pid)).ToList();
        if (leftovers.Count == 0)
        {
            return 0;
        }

        console.Info($"The launcher of the previous run (pid {previous.AppHostPid}) is gone but left " +
                     $"{string.Join(", ", leftovers.Select(r => $"{r.Name} (pid {r.Pid})"))} running: stopping them.");
        var processes = leftovers.Select(r => TryGet(r.Pid!.Value)).OfType<Process>().ToList();
        foreach (var process in processes) ProcessSignals.RequestStop(process);

        using var grace = new CancellationTokenSource(GracePeriod);
        foreach (var process in processes)
        {
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        return processes.Count;
    }

    private static bool IsStill(PreviousResource resource, int pid)
    {
        if (!IsRunning(pid)) return false;
        try
        {
            if (resource.Kind == "Project")
            {
                var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
                return environment.Contains($"OTEL_SERVICE_NAME={resource.Name}", StringComparer.Ordinal);
            }
            var port = resource.ConnectionString?.Split(':').LastOrDefault();
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            return port is { Length: > 0 } && commandLine.Contains(port, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile, or not ours to read
        }
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static Process? TryGet(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static PreviousLaunch? Previous(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var resources = root.GetProperty("resources").EnumerateArray().Select(r => new PreviousResource(
                r.GetProperty("name").GetString() ?? "",
                r.GetProperty("kind").GetString() ?? "",
                r.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number ? pid.GetInt32() : null,
                r.TryGetProperty("connectionString", out var connection) ? connection.GetString() : null)).ToList();
            return new PreviousLaunch(root.GetProperty("appHostPid").GetInt32(), resources);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // no previous launch, or a file we do not understand: nothing to clean up
        }
    }

    private sealed record PreviousLaunch(int AppHostPid, IReadOnlyList<PreviousResource> Resources);

    private sealed record PreviousResource(string Name, string Kind, int? Pid, string? ConnectionString);
}
