namespace Samverkan.Gateway.Connections;

// "Gateway:Connections": limits on the callers' connections that Kestrel's own "Kestrel:Limits"
// cannot express. Idle and half-open connections are closed by Kestrel:Limits:KeepAliveTimeout
// (no stream open, or no HTTP/2 preface yet) and RequestHeadersTimeout; see docs/gateway.md.
public sealed class GatewayConnectionOptions
{
    public const string SectionName = "Gateway:Connections";

    // Open connections one remote address may hold (all endpoints together); a connection beyond
    // it is closed at once. 0 turns the limit off (e.g. behind a load balancer, where every
    // connection comes from the balancer's address).
    public int MaxPerAddress { get; set; } = 200;

    // A TLS client that has not finished its handshake within this time is disconnected.
    public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
