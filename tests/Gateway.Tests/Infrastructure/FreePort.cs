using System.Net;
using System.Net.Sockets;

namespace Samverkan.Gateway.Tests.Infrastructure;

public static class FreePort
{
    // A loopback port that was free a moment ago (for processes that must be told their port).
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
