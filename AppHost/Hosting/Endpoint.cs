namespace Samverkan.AppHost.Hosting;

// A port a resource listens on. Without proxies (Aspire's DCP has them) the port a client uses is
// the port the resource binds, so Port == TargetPort.
public sealed class Endpoint(string name, string scheme, string host, int port)
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    public string Host { get; } = host;

    public int Port { get; } = port;

    // True when the resource serves plain-text HTTP/2 only (h2c), as gRPC services do.
    // Read from the project's Kestrel settings at launch, the way Aspire does.
    public bool IsHttp2Only { get; set; }

    public string Url => $"{Scheme}://{Host}:{Port}";
}
