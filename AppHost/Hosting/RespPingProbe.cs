using System.Net.Sockets;
using System.Text;

namespace Samverkan.AppHost.Hosting;

// The store is ready when it answers a RESP PING with +PONG (redis-server answers -LOADING
// while it replays its append-only file, so this also waits for recovery to finish).
public sealed class RespPingProbe(Endpoint endpoint) : IHealthProbe
{
    private static readonly byte[] Ping = "*1\r\n$4\r\nPING\r\n"u8.ToArray();

    public string Target => $"PING {endpoint.Host}:{endpoint.Port}";

    public string? LastFailure { get; private set; }

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(endpoint.Host, endpoint.Port, attempt.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Ping, attempt.Token);

            var reply = await ReadLineAsync(stream, attempt.Token);
            LastFailure = reply == "+PONG" ? null : $"answered '{reply}'";
            return LastFailure is null;
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LastFailure = e is OperationCanceledException ? "no answer within 2 s" : e.Message;
            return false;
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var buffer = new byte[256];
        while (line.Length < 1024)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            line.Append(Encoding.ASCII.GetString(buffer, 0, read));
            var end = line.ToString().IndexOf("\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                return line.ToString(0, end);
            }
        }

        return line.ToString();
    }
}
