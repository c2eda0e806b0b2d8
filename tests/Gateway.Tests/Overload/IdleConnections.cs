using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Samverkan.Gateway.Tests.Overload;

// Raw loopback TCP connections to the gateway that never send a request: every other one sends
// the HTTP/2 preface and an empty SETTINGS frame (an idle HTTP/2 connection), the rest send nothing
// (half-open: connected, no preface). They come from 127.0.0.{first..} (Linux routes all of
// 127/8 to loopback), `perAddress` from each source address, and record when the server closes them.
public sealed class IdleConnections : IDisposable
{
    private static readonly byte[] PrefaceAndSettings =
        [.. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8, 0, 0, 0, 0x4, 0, 0, 0, 0, 0];

    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _closed = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public int Count => _sockets.Count;

    public static IPAddress Source(int firstAddress, int index, int perAddress) =>
        IPAddress.Parse($"127.0.0.{firstAddress + index / perAddress}");

    public static async Task<IdleConnections> OpenAsync(Uri gateway, int count, int perAddress, int firstAddress)
    {
        var connections = new IdleConnections();
        for (var i = 0; i < count; i++)
        {
            await connections.OpenOneAsync(gateway, Source(firstAddress, i, perAddress), sendPreface: i % 2 == 0);
        }
        return connections;
    }

    public async Task<Task> OpenOneAsync(Uri gateway, IPAddress source, bool sendPreface)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _sockets.Add(socket);
        socket.Bind(new IPEndPoint(source, 0));
        await socket.ConnectAsync(IPAddress.Loopback, gateway.Port);
        if (sendPreface)
        {
            await socket.SendAsync(PrefaceAndSettings, SocketFlags.None);
        }
        var closed = WatchAsync(socket);
        _closed.Add(closed);
        return closed;
    }

    // How many the server has closed by the time all are closed or `within` has passed.
    public async Task<int> ClosedByServerAsync(TimeSpan within)
    {
        await Task.WhenAny(Task.WhenAll(_closed), Task.Delay(within));
        return _closed.Count(t => t.IsCompleted);
    }

    public int ClosedSoFar => _closed.Count(t => t.IsCompleted);

    // Completes when the server ends the connection (FIN or reset); reads and ignores its frames.
    private static async Task WatchAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None) > 0)
            {
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        foreach (var socket in _sockets) socket.Dispose();
    }
}
