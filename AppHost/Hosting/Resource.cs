namespace Samverkan.AppHost.Hosting;

// Something the launcher starts and watches: a project or the store. Mirrors Aspire's IResource:
// a name (used in environment variables and as OTEL_SERVICE_NAME), endpoints, startup ordering,
// and what a referencing resource is told about it.
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    public abstract string Kind { get; }

    public List<Endpoint> Endpoints { get; } = [];

    // Aspire's WaitFor: this resource starts only once these are healthy.
    public List<Resource> WaitsFor { get; } = [];

    // Aspire's WithReference callbacks: the variables a resource that references this one receives.
    public List<Action<IDictionary<string, string>>> ReferenceEnvironment { get; } = [];

    public Endpoint PrimaryEndpoint => Endpoints.Count > 0
        ? Endpoints[0]
        : throw new InvalidOperationException($"Resource '{Name}' has no endpoint; declare one with WithHttpEndpoint.");
}
