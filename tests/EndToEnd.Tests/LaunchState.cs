using System.Text.Json;

namespace Samverkan.EndToEnd.Tests;

// resources.json as the AppHost writes it.
public sealed record LaunchState(string State, int AppHostPid, string Store, IReadOnlyList<ResourceStatus> Resources)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public ResourceStatus this[string name] => Resources.Single(r => r.Name == name);

    // Null while the file does not exist yet.
    public static LaunchState? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LaunchState>(File.ReadAllText(path), JsonOptions);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}

public sealed record ResourceStatus(string Name, string Kind, string State, int? Pid, IReadOnlyList<string> Urls, string? ConnectionString)
{
    public Uri Url => new(Urls[0]);
}
