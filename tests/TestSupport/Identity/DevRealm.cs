using System.Text.Json.Nodes;
using Samverkan.TestSupport.Processes;

namespace Samverkan.TestSupport.Identity;

// The development realm file (deploy/keycloak/samverkan-realm.dev.json) as tests need it: demo
// passwords and client secrets, read from the same file the identity server serves.
public sealed class DevRealm
{
    public static readonly string DefaultFile = RepositoryPaths.Combine("deploy/keycloak/samverkan-realm.dev.json");

    private static readonly Lazy<DevRealm> DefaultRealm = new(() => Load(DefaultFile));

    private readonly JsonObject _realm;

    private DevRealm(string path, JsonObject realm)
    {
        Path = path;
        _realm = realm;
    }

    public static DevRealm Default => DefaultRealm.Value;

    public string Path { get; }

    public string Name => (string)_realm["realm"]!;

    public static DevRealm Load(string path) => new(path, JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public string PasswordOf(string username) =>
        User(username)["credentials"]?.AsArray().FirstOrDefault(c => (string?)c!["type"] == "password")?["value"]?.GetValue<string>()
        ?? throw new InvalidOperationException($"User '{username}' has no password in {Path}.");

    public string SubjectOf(string username) => (string)User(username)["id"]!;

    public string SecretOf(string clientId) =>
        (string?)_realm["clients"]!.AsArray().FirstOrDefault(c => (string?)c!["clientId"] == clientId)?["secret"]
        ?? throw new InvalidOperationException($"Client '{clientId}' has no secret in {Path}.");

    public string OrganizationIdOf(string alias) =>
        (string)_realm["organizations"]!.AsArray().First(o => (string?)o!["alias"] == alias)!["id"]!;

    private JsonObject User(string username) =>
        _realm["users"]!.AsArray().FirstOrDefault(u => (string?)u!["username"] == username)?.AsObject()
        ?? throw new InvalidOperationException($"No user '{username}' in {Path}.");
}
