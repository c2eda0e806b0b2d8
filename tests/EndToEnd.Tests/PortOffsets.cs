using System.Net;
using System.Net.Sockets;

namespace Samverkan.EndToEnd.Tests;

public static class PortOffsets
{
    // Every fixed port of AppHost/Program.cs (gateway, services, identity, store).
    public static readonly int[] DefaultPorts = [5000, 5001, 5002, 5301, 5302, 5303, 5304, 5305, 8080, 16379];

    // Offsets 10000-16000 put every port between 15000 and 32379: below Linux' ephemeral range
    // (32768+), so outgoing connections of other processes do not take them.
    private const int Minimum = 10000;
    private const int Maximum = 16000;

    public static int FindFree()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var offset = Random.Shared.Next(Minimum, Maximum);
            if (DefaultPorts.All(port => IsFree(port + offset)))
            {
                return offset;
            }
        }

        throw new InvalidOperationException("No free port offset found in 50 attempts.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
