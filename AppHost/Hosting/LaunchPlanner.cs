namespace Samverkan.AppHost.Hosting;

// Turns declared resources into commands: projects run from their built dll (`dotnet X.dll`,
// never a nested `dotnet run`), the store as redis-server or as the embedded Garnet server.
public sealed class LaunchPlanner(DistributedApplicationBuilder app, bool ansiColours)
{
    public const string RedisConfigPath = "deploy/redis/redis.conf";
    public const string EmbeddedStoreProject = "src/EmbeddedStore/EmbeddedStore.csproj";

    // Read before ports are checked and before the build, so their mistakes surface first.
    public void ResolveTransports()
    {
        foreach (var project in app.Resources.OfType<ProjectResource>())
        {
            var kestrel = KestrelSettings.Read(project.ProjectDirectory, ProjectEnvironment.EnvironmentName);
            foreach (var endpoint in project.Endpoints)
            {
                endpoint.IsHttp2Only = kestrel.IsHttp2Only(endpoint.Name);
            }
        }
    }

    public IReadOnlyList<string> ProjectsToBuild() =>
    [
        .. app.Resources.OfType<ProjectResource>().Select(p => p.ProjectFile),
        .. app.Resources.OfType<StoreResource>().Where(s => s.StoreKind == StoreKind.Garnet)
            .Select(_ => Path.Combine(app.RepositoryRoot, EmbeddedStoreProject)),
    ];

    public LaunchPlan Plan(Resource resource) => resource switch
    {
        ProjectResource project => PlanProject(project),
        StoreResource { StoreKind: StoreKind.Redis } store => PlanRedis(store),
        StoreResource store => PlanGarnet(store),
        _ => throw new NotSupportedException($"No launcher for {resource.GetType().Name}."),
    };

    private LaunchPlan PlanProject(ProjectResource project)
    {
        var dll = RequireBuilt(project.Name, project.ProjectFile);
        var kestrel = KestrelSettings.Read(project.ProjectDirectory, ProjectEnvironment.EnvironmentName);
        var probe = project.HealthCheckPath is { } path
            ? new HttpHealthProbe(new Uri(new Uri(project.PrimaryEndpoint.Url), path), project.PrimaryEndpoint.IsHttp2Only)
            : null;

        // Working directory = project folder, as `dotnet run` does: the content root with appsettings.json.
        return new LaunchPlan(Executables.DotnetHost, [dll], project.ProjectDirectory,
            ProjectEnvironment.Create(project, kestrel, app.Options, ansiColours), probe);
    }

    private LaunchPlan PlanRedis(StoreResource store)
    {
        var redis = Executables.FindOnPath("redis-server") ?? throw new LaunchFailedException(
            $"Resource '{store.Name}': --store redis needs redis-server on PATH (apt-get install redis-server), or use --store garnet.");
        var config = Path.Combine(app.RepositoryRoot, RedisConfigPath);
        if (!File.Exists(config))
        {
            throw new LaunchFailedException($"Resource '{store.Name}': {config} is missing.");
        }

        var dataDirectory = CreateDataDirectory(store);
        return new LaunchPlan(redis,
            [config, "--port", Port(store), "--dir", dataDirectory],
            dataDirectory, new Dictionary<string, string>(), new RespPingProbe(store.PrimaryEndpoint));
    }

    private LaunchPlan PlanGarnet(StoreResource store)
    {
        var project = Path.Combine(app.RepositoryRoot, EmbeddedStoreProject);
        var dll = RequireBuilt(store.Name, project);
        var dataDirectory = CreateDataDirectory(store);
        return new LaunchPlan(Executables.DotnetHost,
            [dll, "--port", Port(store), "--data-dir", dataDirectory],
            Path.GetDirectoryName(project)!, new Dictionary<string, string>(), new RespPingProbe(store.PrimaryEndpoint));
    }

    private string CreateDataDirectory(Resource resource) =>
        Directory.CreateDirectory(app.DataDirectoryFor(resource.Name)).FullName;

    private static string Port(Resource resource) =>
        resource.PrimaryEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string RequireBuilt(string resourceName, string projectFile)
    {
        var dll = Executables.ProjectOutputDll(projectFile);
        return File.Exists(dll) ? dll : throw new LaunchFailedException(
            $"Resource '{resourceName}': {dll} does not exist. Build first (dotnet build {RepositoryRoot.SolutionFileName} " +
            $"-c {Executables.Configuration}) or start without --no-build.");
    }
}
