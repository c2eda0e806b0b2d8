using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// The AppHost started exactly as `dotnet run --project AppHost` would run it (minus the build:
// the test project's build-only references have built everything), watched through its state file.
public sealed class AppHostProcess : IAsyncDisposable
{
    private const int SIGINT = 2;
    private const int SIGTERM = 15;
    private const int SIGKILL = 9;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ITestOutputHelper _testOutput;

    private AppHostProcess(Process process, string stateFile, ITestOutputHelper testOutput)
    {
        _process = process;
        StateFile = stateFile;
        _testOutput = testOutput;
    }

    public string StateFile { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    public int Id => _process.Id;

    public static AppHostProcess Start(string stateFile, IEnumerable<string> arguments, ITestOutputHelper testOutput)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { RepositoryPaths.AppHostDll, "--no-build", "--state-file", stateFile },
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Set in the launcher's environment to prove the children do not inherit them (Aspire's rule).
        startInfo.Environment["ASPNETCORE_URLS"] = "http://localhost:1";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = new Process { StartInfo = startInfo };
        var appHost = new AppHostProcess(process, stateFile, testOutput);
        process.OutputDataReceived += (_, e) => appHost.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => appHost.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHost;
    }

    // Polls the state file until the launch reaches `state`; fails with the AppHost's output if it
    // exits or takes longer than the timeout.
    public async Task<LaunchState> WaitForStateAsync(string state, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var current = LaunchState.TryRead(StateFile);
            if (current is not null && current.AppHostPid == _process.Id && current.State == state)
            {
                return current;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"The AppHost exited with code {_process.ExitCode} before reaching {state}:{Environment.NewLine}{Output}");
            }

            if (stopwatch.Elapsed > timeout)
            {
                Assert.Fail($"The AppHost did not reach {state} within {timeout.TotalSeconds} s (last: {current?.State}):{Environment.NewLine}{Output}");
            }

            await Task.Delay(200);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The AppHost did not exit within {timeout.TotalSeconds} s:{Environment.NewLine}{Output}");
        }

        return _process.ExitCode;
    }

    // Ctrl+C, as a developer stops it. A test run started in the background by a non-interactive
    // shell (`dotnet test &`, nohup) inherits SIGINT as ignored, and so does the AppHost, which then
    // cannot see it (README, known limitations); there SIGTERM, which the AppHost handles the same
    // way, stands in for Ctrl+C.
    public void Interrupt() => Assert.Equal(0, kill(_process.Id, SigIntIgnoredHere() ? SIGTERM : SIGINT));

    // SigIgn in /proc/self/status: the mask of ignored signals, bit n-1 for signal n.
    private static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            && (mask & (1UL << (SIGINT - 1))) != 0;
    }

    // SIGKILL to the launcher alone (not its children), as an OOM killer or `kill -9` would.
    public void Kill() => Assert.Equal(0, kill(_process.Id, SIGKILL));

    // Stops the launcher with SIGINT and checks it took every child down with it.
    public async Task StopAndAssertNoOrphansAsync()
    {
        var running = LaunchState.TryRead(StateFile)!;
        int[] pids = [running.AppHostPid, .. running.Resources.Where(r => r.Pid is not null).Select(r => r.Pid!.Value)];
        Assert.Equal(running.Resources.Count + 1, pids.Length);

        Interrupt();
        Assert.Equal(0, await WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var stopped = LaunchState.TryRead(StateFile)!;
        Assert.Equal("Stopped", stopped.State);
        Assert.All(stopped.Resources, r => Assert.Equal("Stopped", r.State));
        Assert.DoesNotContain(pids, ProcessProbe.IsRunning);
    }

    // Whatever a failed test left behind is killed: the launcher and every child it recorded.
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        foreach (var pid in LaunchState.TryRead(StateFile)?.Resources.Select(r => r.Pid) ?? [])
        {
            if (pid is not null && ProcessProbe.IsRunning(pid.Value))
            {
                try
                {
                    Process.GetProcessById(pid.Value).Kill(entireProcessTree: true);
                }
                catch (ArgumentException)
                {
                    // Gone meanwhile.
                }
            }
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        try
        {
            _testOutput.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test has finished; the line is still in Output.
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
