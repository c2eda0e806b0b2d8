using System.Globalization;
using System.Reflection;

namespace Samverkan.AppHost.Platform;

public static class StoreBuilderExtensions
{
    public const string RedisConfigPath = "deploy/redis/redis.conf";

    // redis-server with the durable configuration (AOF, appendfsync always), or the embedded Garnet
    // server (src/EmbeddedStore, AOF with commit-wait); data in {data-dir}/{name}; healthy on PONG.
    public static IResourceBuilder<StoreResource> AddStore(this IDistributedApplicationBuilder builder, string name, PlatformOptions platform, int port)
    {
        var dataDirectory = platform.DataDirectoryFor(name);
        var portText = platform.Port(port).ToString(CultureInfo.InvariantCulture);

        var store = platform.Store == StoreKind.Redis
            ? builder.AddResource(new StoreResource(name, StoreKind.Redis, RedisServer(), dataDirectory))
                .WithArgs(platform.PathInRepository(RedisConfigPath), "--port", portText, "--dir", dataDirectory)
            : builder.AddResource(new StoreResource(name, StoreKind.Garnet, "dotnet", dataDirectory))
                .WithArgs(EmbeddedStoreDll(), "--port", portText, "--data-dir", dataDirectory);

        var healthCheck = $"{name}_resp_ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheck, _ => new RespPingHealthCheck(store.Resource.Endpoint), failureStatus: null, tags: null));

        return store
            .WithEndpoint(port: platform.Port(port), targetPort: platform.Port(port), name: StoreResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheck);
    }

    private static string RedisServer() => Executables.FindOnPath("redis-server")
        ?? throw new ArgumentException("--store redis needs redis-server on PATH (apt-get install redis-server); or use --store garnet.");

    // The embedded store is built with the AppHost (a project reference) in the same configuration.
    private static string EmbeddedStoreDll()
    {
        var project = new Projects.EmbeddedStore().ProjectPath;
        var configuration = typeof(StoreBuilderExtensions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        return Path.Combine(Path.GetDirectoryName(project)!, "bin", configuration, "net10.0", "Samverkan.EmbeddedStore.dll");
    }
}
