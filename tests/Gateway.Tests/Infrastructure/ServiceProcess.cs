using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Samverkan.Gateway.Tests.Infrastructure;

// One of our projects running as a real process (as the AppHost runs it), with the environment the
// test gives it. Ready when its /alive answers. Killed (only this process) on dispose.
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    // Waits until the process has written a matching line (what it logged about a call).
    public async Task<bool> WaitForOutputAsync(Func<string, bool> matches, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(matches)) return true;
            await Task.Delay(100);
        }
        return false;
    }

    public static async Task<ServiceProcess> StartAsync(
        string project, IReadOnlyDictionary<string, string> environment, Uri aliveUrl, bool http2Only, TimeSpan? timeout = null)
    {
        var assembly = RepositoryPaths.ProjectAssembly(project);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "GRPC_URLS", "GRPC_PORT" })
        {
            start.Environment.Remove(inherited);
        }
        // No collector in tests: ServiceDefaults skips the OTLP exporter when this is empty.
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(project, process);
        process.OutputDataReceived += (_, e) => service.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => service.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await service.WaitUntilAliveAsync(aliveUrl, http2Only, timeout ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > MaxOutputLines && _output.TryDequeue(out _)) { }
    }

    private async Task WaitUntilAliveAsync(Uri aliveUrl, bool http2Only, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was alive:\n{Output}");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, aliveUrl)
                {
                    Version = http2Only ? HttpVersion.Version20 : HttpVersion.Version11,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{Name} was not alive at {aliveUrl} within {timeout}:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
