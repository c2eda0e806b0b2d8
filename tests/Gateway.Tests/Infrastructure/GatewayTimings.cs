namespace Samverkan.Gateway.Tests.Infrastructure;

// The short timeouts the test gateway runs with, so stream and timeout behaviour shows in seconds.
// Production values (appsettings.json): ActivityTimeout 1 h on service clusters, unary route
// timeout 30 s, no route timeout on streaming methods.
public static class GatewayTimings
{
    // YARP cluster ActivityTimeout of the test echo cluster (YARP's default would be 100 s).
    public static readonly TimeSpan ActivityTimeout = TimeSpan.FromSeconds(4);

    // Route timeout of the echo service's unary methods.
    public static readonly TimeSpan UnaryRouteTimeout = TimeSpan.FromSeconds(2);

    // Request body limit of the echo route.
    public const int EchoMaxRequestBodySize = 1024 * 1024;

    // Kestrel:Limits:KeepAliveTimeout of the test gateway (production: 60 s): idle and half-open
    // connections are closed after it.
    public static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(10);

    // Gateway:Connections:MaxPerAddress of the test gateway (production: 200). Test callers use
    // 127.0.0.1; the connection tests use other loopback addresses.
    public const int MaxConnectionsPerAddress = 100;

    // Per-client override for the rate-limit test's client.
    public const int LimitedClientBurst = 3;
}
