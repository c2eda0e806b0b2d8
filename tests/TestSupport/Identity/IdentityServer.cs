using Samverkan.TestSupport.Processes;

namespace Samverkan.TestSupport.Identity;

// The real identity server (src/Identity) as a separate process on a free port, serving the
// development realm. Services under test point at it with ServiceEnvironment.
public sealed class IdentityServer : IAsyncDisposable
{
    public const string Realm = "samverkan";

    private readonly IdentityServerSettings _settings;
    private readonly bool _ownsDataDirectory;
    private DotnetProcess _process;

    private IdentityServer(IdentityServerSettings settings, string dataDirectory, bool ownsDataDirectory, DotnetProcess process)
    {
        _settings = settings;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        _process = process;
        DevRealm = settings.RealmFile is null ? DevRealm.Default : DevRealm.Load(settings.RealmFile);
    }

    public string DataDirectory { get; }

    public DevRealm DevRealm { get; }

    public Uri BaseAddress => _process.Address;

    // What a service's Keycloak__AuthServerUrl must be: http://127.0.0.1:{port}/.
    public string AuthServerUrl => BaseAddress.GetLeftPart(UriPartial.Authority) + "/";

    public string RealmUrl => $"{AuthServerUrl}realms/{Realm}";

    public string TokenEndpoint => RealmUrl + "/protocol/openid-connect/token";

    public string AuthorizationEndpoint => RealmUrl + "/protocol/openid-connect/auth";

    // The "iss" of its tokens.
    public string Issuer => _settings.PublicUrl is { } publicUrl ? $"{publicUrl.TrimEnd('/')}/realms/{Realm}" : RealmUrl;

    public string SigningKeyFile => Path.Combine(DataDirectory, "signing-key.pem");

    public int ProcessId => _process.ProcessId;

    public string Output => _process.Output;

    // Environment for a platform service process that must trust this server.
    public IDictionary<string, string?> ServiceEnvironment => new Dictionary<string, string?>
    {
        ["Keycloak__AuthServerUrl"] = AuthServerUrl,
        ["Keycloak__Realm"] = Realm,
        ["Keycloak__SslRequired"] = "none",
    };

    public static async Task<IdentityServer> StartAsync(IdentityServerSettings? settings = null)
    {
        settings ??= new IdentityServerSettings();
        var owns = settings.DataDirectory is null;
        var dataDirectory = settings.DataDirectory ?? Directory.CreateTempSubdirectory("samverkan-identity-").FullName;
        try
        {
            return new IdentityServer(settings, dataDirectory, owns, await LaunchAsync(settings, dataDirectory));
        }
        catch
        {
            if (owns) Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    // Stops the process and starts it again on the same data directory (a new port).
    public async Task RestartAsync()
    {
        await _process.DisposeAsync();
        _process = await LaunchAsync(_settings, DataDirectory);
    }

    public TokenClient CreateTokenClient() => new(this);

    public BrowserLogin CreateBrowser() => new(this);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        if (_ownsDataDirectory && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    private static Task<DotnetProcess> LaunchAsync(IdentityServerSettings settings, string dataDirectory)
    {
        var environment = new Dictionary<string, string?>(settings.Environment)
        {
            ["Identity__DataDirectory"] = dataDirectory,
            ["Identity__RealmFile"] = settings.RealmFile ?? DevRealm.DefaultFile,
        };
        if (settings.PublicUrl is not null) environment["Identity__PublicUrl"] = settings.PublicUrl;
        return DotnetProcess.StartAsync(RepositoryPaths.ProjectDll("Identity"), environment);
    }
}
