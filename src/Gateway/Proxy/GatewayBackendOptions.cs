namespace Samverkan.Gateway.Proxy;

// "Gateway:Backends": how the gateway's connections to the services behave.
public sealed class GatewayBackendOptions
{
    public const string SectionName = "Gateway:Backends";

    // A service that does not accept a connection within this time is reported Unavailable.
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    // HTTP/2 pings on connections with calls in flight find dead services (and dead networks)
    // under long, quiet server streams; YARP's ActivityTimeout does not count pings as activity.
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
