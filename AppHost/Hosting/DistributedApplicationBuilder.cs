namespace Samverkan.AppHost.Hosting;

// Aspire's DistributedApplicationBuilder, reduced to what this platform uses: the launch options,
// the repository root, and the ordered list of declared resources.
public sealed class DistributedApplicationBuilder
{
    private readonly List<Resource> _resources = [];

    private DistributedApplicationBuilder(LaunchOptions options, string repositoryRoot)
    {
        Options = options;
        RepositoryRoot = repositoryRoot;
    }

    public LaunchOptions Options { get; }

    public string RepositoryRoot { get; }

    public string StateDirectory => Path.Combine(RepositoryRoot, ".apphost");

    public IReadOnlyList<Resource> Resources => _resources;

    // Bad arguments end the process here with the usage text (exit code 2), before anything starts.
    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(LaunchOptions.Usage);
            Environment.Exit(0);
        }

        try
        {
            return new DistributedApplicationBuilder(LaunchOptions.Parse(args, Environment.GetEnvironmentVariable), Hosting.RepositoryRoot.Find());
        }
        catch (Exception e) when (e is ArgumentException or LaunchFailedException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(LaunchOptions.Usage);
            Environment.Exit(2);
            throw;
        }
    }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' is already declared.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    // Fixed, well-known ports keep URLs stable for developers; tests shift them all with --port-offset.
    public int Port(int defaultPort) => defaultPort + Options.PortOffset;

    // Durable per-resource data (store AOF, identity keys) that survives launcher restarts.
    public string DataDirectoryFor(string resourceName) =>
        Path.Combine(Options.DataDirectory ?? Path.Combine(StateDirectory, "data"), resourceName);

    public string StateFilePath => Options.StateFile ?? Path.Combine(StateDirectory, "resources.json");

    public DistributedApplication Build() => new(this);
}
