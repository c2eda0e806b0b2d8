using System.Globalization;

namespace Samverkan.AppHost.Platform;

// What a developer chooses per run, read from Aspire's configuration (command line after `--`,
// environment, appsettings): --store redis|garnet|auto, --port-offset N, --data-dir DIR.
// The topology depends on them, so they are read while the model is built, not as parameters.
public sealed record PlatformOptions(StoreKind Store, int PortOffset, string DataDirectory, string RepositoryRoot)
{
    public const string StoreKey = "store";
    public const string PortOffsetKey = "port-offset";
    public const string DataDirectoryKey = "data-dir";

    // Offsets keep every default port (5000-16379) below 65536.
    private const int MaxPortOffset = 40000;

    public static PlatformOptions From(IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

        var store = ParseStore(configuration[StoreKey] ?? configuration["SAMVERKAN_STORE"] ?? "auto");
        var offsetText = configuration[PortOffsetKey] ?? "0";
        if (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > MaxPortOffset)
        {
            throw new ArgumentException($"--{PortOffsetKey} must be a whole number from 0 to {MaxPortOffset}, not '{offsetText}'.");
        }

        // Relative to the repository root, whatever folder `dotnet run` was started from.
        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] ?? Path.Combine(".apphost", "data"), root);
        return new PlatformOptions(store, offset, dataDirectory, root);
    }

    // Fixed, documented ports keep URLs stable; a second copy shifts them all (launch profile side-by-side).
    public int Port(int defaultPort) => defaultPort + PortOffset;

    // Durable data of one resource (store AOF, identity keys, generated secrets); survives restarts.
    public string DataDirectoryFor(string resourceName) =>
        Directory.CreateDirectory(Path.Combine(DataDirectory, resourceName)).FullName;

    public string PathInRepository(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    private static StoreKind ParseStore(string value) => value.ToLowerInvariant() switch
    {
        "auto" => Executables.FindOnPath("redis-server") is null ? StoreKind.Garnet : StoreKind.Redis,
        "redis" => StoreKind.Redis,
        "garnet" => StoreKind.Garnet,
        _ => throw new ArgumentException($"--{StoreKey} must be redis, garnet or auto, not '{value}'."),
    };
}

public enum StoreKind
{
    Redis,
    Garnet,
}
