namespace Samverkan.AppHost.Platform;

// The Redis-protocol store as an executable (Aspire's AddRedis/AddGarnet need a container engine).
// Referencing resources get ConnectionStrings__{name}, as from Aspire's Redis resource.
public sealed class StoreResource(string name, StoreKind kind, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public StoreKind Kind { get; } = kind;

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    // 127.0.0.1 rather than localhost: both servers bind IPv4 loopback, and a client resolving
    // localhost to ::1 first pays for a failed connect on every reconnect.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Endpoint.Property(EndpointProperty.IPV4Host)}:{Endpoint.Property(EndpointProperty.Port)}");
}
