using System.Net;
using System.Net.Sockets;

namespace Samverkan.AppHost.Hosting;

// Every port is checked before anything starts, so a taken port fails the launch with the
// resource's name instead of a bind error buried in one child's log.
public static class PortAvailability
{
    public static IReadOnlyList<string> FindConflicts(IEnumerable<Resource> resources)
    {
        var conflicts = new List<string>();
        var claimed = new Dictionary<int, string>();

        foreach (var resource in resources)
        {
            foreach (var endpoint in resource.Endpoints)
            {
                var owner = $"resource '{resource.Name}' (endpoint {endpoint.Name})";
                if (endpoint.Port is < 1 or > 65535)
                {
                    conflicts.Add($"Port {endpoint.Port} for {owner} is not a valid port; choose a smaller --port-offset.");
                }
                else if (claimed.TryGetValue(endpoint.Port, out var other))
                {
                    conflicts.Add($"Port {endpoint.Port} is declared twice: {other} and {owner}.");
                }
                else if (!IsFree(endpoint.Port))
                {
                    conflicts.Add($"Port {endpoint.Port} for {owner} is already in use. Stop whatever listens on it, " +
                                  "or shift every port with --port-offset N.");
                }

                claimed.TryAdd(endpoint.Port, owner);
            }
        }

        return conflicts;
    }

    // Children bind "localhost", i.e. both loopback addresses.
    public static bool IsFree(int port) =>
        CanBind(IPAddress.Loopback, port) && (!Socket.OSSupportsIPv6 || CanBind(IPAddress.IPv6Loopback, port));

    private static bool CanBind(IPAddress address, int port)
    {
        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode != SocketError.AddressAlreadyInUse)
        {
            // E.g. no IPv6 loopback on this machine: nothing can be listening there either.
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
