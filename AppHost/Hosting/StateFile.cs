using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samverkan.AppHost.Hosting;

// .apphost/resources.json: what runs where, rewritten on every state change so tools and tests
// can follow a launch (the dashboard's resource list, as a file). Replaced atomically, so a
// reader never sees half a document.
public sealed class StateFile(string path, StoreKind storeKind)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public void Write(ResourceState overall, IEnumerable<RunningResource> resources)
    {
        var document = new LaunchDocument(
            overall,
            Environment.ProcessId,
            storeKind.ToString().ToLowerInvariant(),
            DateTimeOffset.UtcNow,
            [.. resources.Select(r => new ResourceDocument(
                r.Resource.Name,
                r.Resource.Kind,
                r.State,
                r.Process?.Id,
                [.. r.Resource.Endpoints.Select(e => e.Url)],
                (r.Resource as StoreResource)?.ConnectionString))]);

        lock (_gate)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temporary = $"{Path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(document, JsonOptions));
            File.Move(temporary, Path, overwrite: true);
        }
    }

    private sealed record LaunchDocument(
        ResourceState State,
        int AppHostPid,
        string Store,
        DateTimeOffset UpdatedAt,
        IReadOnlyList<ResourceDocument> Resources);

    private sealed record ResourceDocument(
        string Name,
        string Kind,
        ResourceState State,
        int? Pid,
        IReadOnlyList<string> Urls,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ConnectionString);
}
