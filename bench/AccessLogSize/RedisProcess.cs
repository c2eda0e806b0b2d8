using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Samverkan.Bench.AccessLogSize;

// redis-server on a free port with a temporary directory and an AOF (as production runs it).
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RedisProcess(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string ConnectionString => $"127.0.0.1:{Port},allowAdmin=true,syncTimeout=60000,asyncTimeout=60000";

    public static async Task<RedisProcess> StartAsync(bool fsyncAlways = false)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var directory = System.IO.Directory.CreateTempSubdirectory("samverkan-accesslog-size-").FullName;
        // The size bench uses everysec (size, not fsync latency, is measured); the overhead bench
        // uses always, as production (deploy/redis/redis.conf).
        var start = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--dir", directory, "--appendonly", "yes",
                "--appendfsync", fsyncAlways ? "always" : "everysec", "--save", "", "--aof-use-rdb-preamble", "yes", "--auto-aof-rewrite-percentage", "0" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        return new RedisProcess(process, port, directory);
    }

    public long AofBytes() => new DirectoryInfo(Path.Combine(Directory, "appendonlydir")).EnumerateFiles().Sum(f => f.Length);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
