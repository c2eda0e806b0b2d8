namespace Samverkan.AppHost.Platform;

public static class GrpcServiceExtensions
{
    // HTTP/1.1 endpoint for /metrics: the gRPC endpoint is h2c only, which Prometheus cannot scrape.
    public const string ManagementEndpointName = "management";
    private const int ManagementPortDistance = 100;

    // A platform service: gRPC over h2c on one fixed port, its own data in the store, tokens from the
    // identity server, and the shared key for the pseudonymous person references of its access records
    // (every service records access); /metrics on its own "management" port (port + 100). Healthy when /health (readiness, the store included) answers over HTTP/2.
    public static IResourceBuilder<ProjectResource> AddGrpcService<TProject>(
        this IDistributedApplicationBuilder builder, string name, int port,
        IResourceBuilder<StoreResource> store, IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ParameterResource> personReferenceKey)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port, isProxied: false)
            .WithHttpEndpoint(port: port + ManagementPortDistance, name: ManagementEndpointName, isProxied: false)
            .WithNamedKestrelEndpoints()
            .WithEnvironment($"Kestrel__Endpoints__{ManagementEndpointName}__Protocols", "Http1")
            .WithEnvironment("Telemetry__MetricsEndpointName", ManagementEndpointName)
            .WithH2cHealthCheck("/health")
            .WithReference(store).WaitFor(store)
            .WithIdentityProvider(identity)
            .WithEnvironment("AccessLogging__PersonReferenceKey", personReferenceKey);

    // The gateway's route to a service: service discovery (services__{name}__http__0), and the
    // gateway starts only once the service is healthy, so its first calls do not fail.
    public static IResourceBuilder<ProjectResource> WithService(this IResourceBuilder<ProjectResource> gateway, IResourceBuilder<ProjectResource> service) =>
        gateway.WithReference(service).WaitFor(service);

    // Aspire's WithHttpHealthCheck speaks HTTP/1.1, which an h2c-only (gRPC) endpoint refuses.
    public static IResourceBuilder<ProjectResource> WithH2cHealthCheck(this IResourceBuilder<ProjectResource> project, string path)
    {
        var endpoint = project.GetEndpoint("http");
        var key = $"{project.Resource.Name}_h2c_health";
        project.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => new H2cHealthCheck(endpoint, path), failureStatus: null, tags: null));
        return project.WithHealthCheck(key);
    }

    // Kestrel:Endpoints:{name}:Url for every endpoint instead of one ASPNETCORE_URLS list, so the
    // project can give each its own protocols (the gateway: "grpc" is h2c, "http" HTTP/1.1) and knows
    // which one is "management".
    public static IResourceBuilder<ProjectResource> WithNamedKestrelEndpoints(this IResourceBuilder<ProjectResource> project) =>
        project.WithEnvironment(context =>
        {
            context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
            foreach (var endpoint in project.Resource.Annotations.OfType<EndpointAnnotation>())
            {
                context.EnvironmentVariables[$"Kestrel__Endpoints__{endpoint.Name}__Url"] = project.GetEndpoint(endpoint.Name);
            }
        });
}
