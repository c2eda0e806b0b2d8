namespace Samverkan.EndToEnd.Tests;

// Linux /proc views of processes the AppHost started.
public static class ProcessProbe
{
    // A zombie (exited, not yet reaped) counts as gone: it runs nothing and holds no port.
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state != 'Z' && state != 'X';
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    public static IReadOnlyDictionary<string, string> Environment(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ")
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);

    public static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    // Running processes whose environment contains one marker or whose command line contains another.
    public static IReadOnlyList<string> FindByEnvironmentOrArguments(string inEnvironment, string inArguments) =>
        [.. AllProcessIds()
            .Where(pid => pid != System.Environment.ProcessId && IsRunning(pid))
            .Where(pid => Read($"/proc/{pid}/environ").Contains(inEnvironment, StringComparison.Ordinal)
                || CommandLine(pid).Contains(inArguments, StringComparison.Ordinal))
            .Select(pid => $"{pid} {CommandLine(pid)}")];

    // Processes whose command line contains the text (DCP detaches: its parent becomes pid 1).
    public static IReadOnlyList<int> FindByArguments(string text) =>
        [.. AllProcessIds().Where(pid => pid != System.Environment.ProcessId && IsRunning(pid) && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    public static IReadOnlyList<int> Descendants(int pid)
    {
        var children = AllProcessIds().Where(child => ParentOf(child) == pid).ToList();
        return [.. children, .. children.SelectMany(Descendants)];
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
    }

    private static int? ParentOf(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var fields = stat.Length > 0 ? stat[(stat.LastIndexOf(')') + 2)..].Split(' ') : [];
        return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : null;
    }

    private static IEnumerable<int> AllProcessIds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    // Processes of other users, or gone meanwhile, read as empty.
    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
