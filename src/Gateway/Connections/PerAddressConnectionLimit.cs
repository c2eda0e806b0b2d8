using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Samverkan.Gateway.Connections;

// Kestrel connection middleware: at most `limit` open connections per remote address, counted
// across all endpoints, so one caller (or one misbehaving client library) cannot hold the
// gateway's connection budget with idle or half-open connections. The refused connection is
// closed before any byte is read. Logs never carry the address (docs/privacy.md).
public sealed partial class PerAddressConnectionLimit(int limit, ILogger<PerAddressConnectionLimit> logger)
{
    private readonly ConcurrentDictionary<IPAddress, int> _open = new();

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            await next(connection);
            return;
        }

        var open = _open.AddOrUpdate(address, 1, (_, n) => n + 1);
        try
        {
            if (open > limit)
            {
                LogRefused(limit);
                connection.Abort(new ConnectionAbortedException("Too many connections from one address."));
                return;
            }
            await next(connection);
        }
        finally
        {
            _open.AddOrUpdate(address, 0, (_, n) => n - 1);
            _open.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed a connection: its address already holds {Limit} connections")]
    private partial void LogRefused(int limit);
}
