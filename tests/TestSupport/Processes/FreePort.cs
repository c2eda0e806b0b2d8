using System.Net;
using System.Net.Sockets;

namespace Samverkan.TestSupport.Processes;

public static class FreePort
{
    // A loopback port that was free a moment ago, for processes that must be told their port
    // before they start (e.g. a gateway and the portal behind it must know each other's).
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
