using System.Net;
using System.Net.Sockets;

namespace Samverkan.Portal.Tests.Infrastructure;

public static class FreePort
{
    // A loopback port that was free a moment ago (the gateway and portal must know each other's).
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
