using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Samverkan.TestSupport.Store;

// A real store process for integration tests: redis-server with the shipped durable configuration,
// or Garnet in Samverkan.EmbeddedStore. Free port and temporary data directory chosen at start.
//
//   await using var store = await StoreServer.StartNewAsync(StoreServer.DefaultKind);
//   var redis = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
//   await store.KillAsync();   // SIGKILL: a crash, nothing flushed on the way out
//   await store.StartAsync();  // same port and data directory: recovery from disk
//
// Dispose stops the process and deletes the data directory.
public sealed class StoreServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _log = new();
    private Process? _process;

    private StoreServer(StoreKind kind, int port, string dataDirectory)
    {
        Kind = kind;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public StoreKind Kind { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    // StackExchange.Redis / Aspire format, as ConnectionStrings__store carries it.
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    // The running server's process id (benchmarks account its CPU time).
    public int? ProcessId => IsRunning ? _process!.Id : null;

    // What the process printed (for failure messages).
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    // Redis when redis-server is on PATH and SAMVERKAN_STORE is not "garnet"; otherwise Garnet.
    public static StoreKind DefaultKind =>
        !string.Equals(Environment.GetEnvironmentVariable("SAMVERKAN_STORE"), "garnet", StringComparison.OrdinalIgnoreCase)
        && FindOnPath("redis-server") is not null
            ? StoreKind.Redis
            : StoreKind.Garnet;

    // Null when the kind can be started here, otherwise why not (used as a test skip reason).
    public static string? UnavailableReason(StoreKind kind) => kind switch
    {
        StoreKind.Redis when FindOnPath("redis-server") is null =>
            "redis-server is not on PATH (install the redis-server package to run the Redis half).",
        StoreKind.Redis when RedisConfigPath() is null =>
            "deploy/redis/redis.conf was not found next to the tests.",
        StoreKind.Garnet when !File.Exists(EmbeddedStorePath()) =>
            $"The embedded store was not built at {EmbeddedStorePath()} (build src/EmbeddedStore).",
        _ => null,
    };

    public static async Task<StoreServer> StartNewAsync(StoreKind kind, CancellationToken cancellationToken = default)
    {
        if (UnavailableReason(kind) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
        // A port probed free can be taken before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory($"samverkan-{kind.ToString().ToLowerInvariant()}-").FullName;
            var server = new StoreServer(kind, FreePort(), directory);
            try
            {
                await server.StartAsync(cancellationToken);
                return server;
            }
            catch (Exception) when (attempt < 3 && !cancellationToken.IsCancellationRequested)
            {
                await server.DisposeAsync();
            }
        }
    }

    // (Re)starts the process on the same port and data directory; returns when it answers PING.
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"The {Kind} store on port {Port} is already running.");
        }
        _process?.Dispose();
        var start = StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AnswersPingAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The {Kind} store exited with code {process.ExitCode} while starting on port {Port}:\n{Log}");
            }
            if (DateTime.UtcNow > deadline)
            {
                await KillAsync();
                throw new TimeoutException($"The {Kind} store did not answer PING on port {Port} within {StartTimeout}:\n{Log}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    // SIGKILL: the process gets no chance to flush anything; only what it had made durable survives.
    public async Task KillAsync()
    {
        if (_process is { } process && !process.HasExited)
        {
            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
        }
    }

    // SIGTERM and wait for a clean exit (SIGKILL after 30 s).
    public async Task StopAsync()
    {
        if (_process is not { } process || process.HasExited)
        {
            return;
        }
        _ = SendSignal(process.Id, 15);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a temp directory.
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Kind == StoreKind.Redis)
        {
            return new ProcessStartInfo(FindOnPath("redis-server")!)
            {
                ArgumentList = { RedisConfigPath()!, "--port", port, "--dir", DataDirectory },
            };
        }
        var dll = EmbeddedStorePath();
        var appHost = Path.ChangeExtension(dll, OperatingSystem.IsWindows() ? ".exe" : null);
        // Prefer the native apphost, so the process we kill is the store itself, not a dotnet host.
        var start = File.Exists(appHost) ? new ProcessStartInfo(appHost) : new ProcessStartInfo("dotnet") { ArgumentList = { dll } };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port);
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(DataDirectory);
        return start;
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    // SAMVERKAN_EMBEDDED_STORE overrides the build output path baked in at compile time.
    private static string EmbeddedStorePath() =>
        Environment.GetEnvironmentVariable("SAMVERKAN_EMBEDDED_STORE") is { Length: > 0 } overridden
            ? overridden
            : Metadata("Samverkan.EmbeddedStorePath") ?? "Samverkan.EmbeddedStore.dll";

    private static string? RedisConfigPath() =>
        new[] { Path.Combine(AppContext.BaseDirectory, "store", "redis.conf"), Metadata("Samverkan.RedisConfigPath") }
            .FirstOrDefault(File.Exists);

    private static string? Metadata(string key) =>
        typeof(StoreServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;

    private static int SendSignal(int pid, int signal) => OperatingSystem.IsWindows() ? -1 : NativeMethods.Kill(pid, signal);

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}
