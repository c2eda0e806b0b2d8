using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Samverkan.EndToEnd.Tests;

// The built AppHost started as `dotnet run --project AppHost` starts it (launch profile "http"), but
// on free ports: the platform shifted by --port-offset, the dashboard, its OTLP and resource-service
// endpoints on free ports of their own.
public sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ITestOutputHelper _testOutput;
    private readonly int _portOffset;

    public enum Ending
    {
        CtrlC,
        SigTerm,
        SigKill,
    }

    private AppHostProcess(Process process, int portOffset, ITestOutputHelper testOutput)
    {
        _process = process;
        _portOffset = portOffset;
        _testOutput = testOutput;
    }

    public string Output => string.Join(Environment.NewLine, _output);

    public Uri GatewayGrpc => new($"http://localhost:{5001 + _portOffset}");

    public Uri Identity => new($"http://localhost:{8080 + _portOffset}");

    private Uri GatewayHealth => new($"http://localhost:{5000 + _portOffset}/health");

    // Returns once the gateway answers /health: it starts only after every service is healthy.
    public static async Task<AppHostProcess> StartAsync(string dataDirectory, ITestOutputHelper output)
    {
        var offset = PortOffsets.FindFree();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { RepositoryPaths.AppHostDll, "--store", "garnet", "--port-offset", offset.ToString(), "--data-dir", dataDirectory },
        };
        // AppHost/Properties/launchSettings.json, profile "http", with free ports.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://localhost:{FreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://localhost:{FreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";

        var process = new Process { StartInfo = startInfo };
        var appHost = new AppHostProcess(process, offset, output);
        process.OutputDataReceived += (_, e) => appHost.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => appHost.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The AppHost exited with code {process.ExitCode} before the platform was healthy:{Environment.NewLine}{appHost.Output}");
            }

            if (stopwatch.Elapsed > StartTimeout)
            {
                await appHost.DisposeAsync();
                Assert.Fail($"The platform was not healthy within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{appHost.Output}");
            }

            try
            {
                if ((await http.GetAsync(appHost.GatewayHealth)).IsSuccessStatusCode)
                {
                    output.WriteLine($"Platform healthy {stopwatch.Elapsed.TotalSeconds:0.0} s after the AppHost started (port offset {offset})");
                    return appHost;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not up yet.
            }

            await Task.Delay(500);
        }
    }

    // Every process of this run: the AppHost's descendants, and DCP, which detaches (its parent becomes
    // pid 1) but names the AppHost it watches (--monitor <pid>), with its descendants (dashboard, resources).
    public IReadOnlyList<int> ProcessesOfTheRun()
    {
        var dcp = ProcessProbe.FindByArguments($"--monitor {_process.Id} ");
        return [_process.Id, .. ProcessProbe.Descendants(_process.Id), .. dcp, .. dcp.SelectMany(ProcessProbe.Descendants)];
    }

    public async Task StopAndAssertNothingLeftAsync(Ending ending)
    {
        var processes = ProcessesOfTheRun().Distinct().ToList();
        // At least: AppHost, DCP, dashboard, store and the seven projects.
        Assert.True(processes.Count >= 11, $"only {processes.Count} processes found: {string.Join(", ", processes.Select(ProcessProbe.CommandLine))}");

        Signal(ending);
        if (ending != Ending.SigKill)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }

        await ProcessProbe.WaitUntilAsync(() => !processes.Any(ProcessProbe.IsRunning), StopTimeout);
        var left = processes.Where(ProcessProbe.IsRunning).Select(pid => $"{pid} {ProcessProbe.CommandLine(pid)}").ToList();
        Assert.True(left.Count == 0, $"{ending} left running:{Environment.NewLine}{string.Join(Environment.NewLine, left)}");
        Assert.All(PortOffsets.DefaultPorts, port => Assert.True(PortOffsets.IsFree(port + _portOffset), $"port {port + _portOffset} still taken"));
    }

    // Ctrl+C is SIGINT. A test run started in the background by a non-interactive shell (`dotnet test &`,
    // nohup) inherits SIGINT as ignored, and so does the AppHost, which then cannot see it; there SIGTERM,
    // which .NET's host handles the same way, stands in for it.
    private void Signal(Ending ending)
    {
        var signal = ending switch
        {
            Ending.CtrlC => SigIntIgnoredHere() ? SIGTERM : SIGINT,
            Ending.SigTerm => SIGTERM,
            _ => SIGKILL,
        };
        _testOutput.WriteLine($"{ending}: signal {signal} to the AppHost (pid {_process.Id})");
        Assert.Equal(0, kill(_process.Id, signal));
    }

    public async ValueTask DisposeAsync()
    {
        var processes = ProcessesOfTheRun();
        foreach (var pid in processes.Where(ProcessProbe.IsRunning))
        {
            try
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Gone meanwhile.
            }
        }

        await _process.WaitForExitAsync();
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

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    // SigIgn in /proc/self/status: the mask of ignored signals, bit n-1 for signal n.
    private static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            && (mask & (1UL << (SIGINT - 1))) != 0;
    }

    private const int SIGINT = 2;
    private const int SIGTERM = 15;
    private const int SIGKILL = 9;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
