namespace Samverkan.AppHost.Hosting;

// The Redis-protocol store: redis-server when installed, otherwise the embedded Garnet server.
// Referencing resources get what Aspire's Redis resource gives them: ConnectionStrings__{name}
// plus the split connection properties ({NAME}_HOST, _PORT, _URI).
public sealed class StoreResource : Resource
{
    public StoreResource(string name, int port, StoreKind kind) : base(name)
    {
        StoreKind = kind;
        // 127.0.0.1 rather than localhost: the store binds IPv4 loopback only, and clients
        // resolving localhost to ::1 first would pay for a failed connect on every reconnect.
        Endpoints.Add(new Endpoint("tcp", "tcp", "127.0.0.1", port));
        ReferenceEnvironment.Add(AddConnectionVariables);
    }

    public StoreKind StoreKind { get; }

    public override string Kind => StoreKind == StoreKind.Redis ? "Store (redis)" : "Store (garnet)";

    public string ConnectionString => $"{PrimaryEndpoint.Host}:{PrimaryEndpoint.Port}";

    private void AddConnectionVariables(IDictionary<string, string> environment)
    {
        var prefix = EnvironmentNames.Encode(Name);
        environment[$"ConnectionStrings__{Name}"] = ConnectionString;
        environment[$"{prefix}_HOST"] = PrimaryEndpoint.Host;
        environment[$"{prefix}_PORT"] = PrimaryEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment[$"{prefix}_URI"] = $"redis://{ConnectionString}";
    }
}
