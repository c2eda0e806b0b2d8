using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Samverkan.TestSupport.Processes;

// A real Prometheus (Debian package `prometheus`) scraping the given targets every second, on a
// given loopback port, with a scratch TSDB. Tests that need it skip when the binary is absent.
public sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output;

    private PrometheusProcess(Process process, string directory, StringBuilder output, Uri address)
    {
        _process = process;
        _directory = directory;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static string? ExecutablePath { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "prometheus"))
        .FirstOrDefault(File.Exists);

    public const string SkipReason = "prometheus is not on PATH (apt-get install -y prometheus; .ci/run installs it)";

    // targets: (job, "host:port") pairs scraped at /metrics over HTTP/1.1.
    public static async Task<PrometheusProcess> StartAsync(int port, IEnumerable<(string Job, string Target)> targets)
    {
        var executable = ExecutablePath ?? throw new InvalidOperationException(SkipReason);
        var directory = Directory.CreateTempSubdirectory("samverkan-prometheus-").FullName;
        var config = new StringBuilder("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n");
        foreach (var (job, target) in targets)
        {
            config.Append(CultureInfo.InvariantCulture, $"  - job_name: '{job}'\n    static_configs:\n      - targets: ['{target}']\n");
        }
        var configPath = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config.ToString());

        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add($"--config.file={configPath}");
        info.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(directory, "tsdb")}");
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var output = new StringBuilder();
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start prometheus.");
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var prometheus = new PrometheusProcess(process, directory, output, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        using var http = new HttpClient { BaseAddress = prometheus.Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("-/ready");
                if (ready.IsSuccessStatusCode) return prometheus;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await prometheus.DisposeAsync();
                throw new InvalidOperationException($"prometheus did not become ready on port {port}:\n{prometheus.Output}");
            }
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
