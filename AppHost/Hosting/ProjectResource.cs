namespace Samverkan.AppHost.Hosting;

// A .NET project of this repository, started from its built dll with the environment an Aspire
// AppHost would inject (see ProjectEnvironment).
public sealed class ProjectResource : Resource
{
    public ProjectResource(string name, string projectDirectory) : base(name)
    {
        ProjectDirectory = projectDirectory;
        ReferenceEnvironment.Add(AddServiceDiscoveryVariables);
    }

    public override string Kind => "Project";

    // Absolute path of the folder holding the .csproj.
    public string ProjectDirectory { get; }

    public string ProjectFile => Directory.GetFiles(ProjectDirectory, "*.csproj") switch
    {
        [var single] => single,
        var none when none.Length == 0 => throw new LaunchFailedException($"Resource '{Name}': no .csproj in {ProjectDirectory}.", Name),
        _ => throw new LaunchFailedException($"Resource '{Name}': more than one .csproj in {ProjectDirectory}.", Name),
    };

    // Path of the HTTP health endpoint polled on the primary endpoint; null = healthy once started.
    public string? HealthCheckPath { get; set; }

    public List<Resource> References { get; } = [];

    // Aspire's WithEnvironment callbacks: variables for this resource itself.
    public List<Action<IDictionary<string, string>>> Environment { get; } = [];

    // Aspire 8-13.2 key format, one value per endpoint named after it: services__{name}__{endpoint}__0.
    // Our endpoints are named after their scheme (http), so this equals the 13.3+ per-scheme format,
    // except for the gateway's extra "grpc" endpoint, which a client selects as "http://_grpc.gateway".
    private void AddServiceDiscoveryVariables(IDictionary<string, string> environment)
    {
        foreach (var endpoint in Endpoints)
        {
            environment[$"services__{Name}__{endpoint.Name}__0"] = endpoint.Url;
            environment[$"{EnvironmentNames.Encode(Name)}_{EnvironmentNames.Encode(endpoint.Name)}"] = endpoint.Url;
        }
    }
}
