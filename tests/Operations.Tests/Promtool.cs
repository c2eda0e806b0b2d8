using System.Diagnostics;
using Samverkan.AppHost.Platform;
using Xunit;

namespace Samverkan.Operations.Tests;

// The real promtool from the Debian package `prometheus` (.ci/run installs it).
public static class Promtool
{
    public static string? Path { get; } = Executables.FindOnPath("promtool");

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("promtool is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}

// Skipped, with the reason printed by the runner, where promtool is absent (a fresh machine).
public sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Promtool.Path is null) Skip = "promtool is not on PATH: apt-get install prometheus (.ci/run does).";
    }
}
