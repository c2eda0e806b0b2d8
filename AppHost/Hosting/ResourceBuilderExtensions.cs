namespace Samverkan.AppHost.Hosting;

// The declarations Program.cs uses, named and shaped as in Aspire.Hosting so that moving to a real
// Aspire AppHost is a change of package and of the AddProject/AddStore lines, nothing else.
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject(this DistributedApplicationBuilder app, string name, string projectPath) =>
        app.AddResource(new ProjectResource(name, Path.Combine(app.RepositoryRoot, projectPath)));

    // Endpoints are named after their scheme ("http") unless a project needs a second one
    // (the gateway's h2c "grpc" endpoint). The port is the fixed default plus --port-offset.
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int port, string name = "http")
    {
        if (builder.Resource.Endpoints.Any(e => e.Name == name))
        {
            throw new InvalidOperationException($"Resource '{builder.Resource.Name}' already has an endpoint named '{name}'.");
        }

        builder.Resource.Endpoints.Add(new Endpoint(name, "http", "localhost", builder.ApplicationBuilder.Port(port)));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path)
    {
        builder.Resource.HealthCheckPath = path;
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<Resource> source)
    {
        builder.Resource.References.Add(source.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        if (WaitsFor(dependency.Resource, builder.Resource))
        {
            throw new InvalidOperationException($"'{builder.Resource.Name}' cannot wait for '{dependency.Resource.Name}', which waits for it.");
        }

        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder, string name, string value)
    {
        builder.Resource.Environment.Add(environment => environment[name] = value);
        return builder;
    }

    private static bool WaitsFor(Resource resource, Resource dependency) =>
        resource == dependency || resource.WaitsFor.Any(d => WaitsFor(d, dependency));
}
