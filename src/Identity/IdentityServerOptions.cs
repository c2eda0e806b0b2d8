namespace Samverkan.Identity;

// Configuration section "Identity".
public sealed class IdentityServerOptions
{
    public const string SectionName = "Identity";

    // The Keycloak realm export to serve. Default: deploy/keycloak/samverkan-realm.dev.json,
    // found by walking up from the application directory.
    public string? RealmFile { get; set; }

    // Where signing/encryption keys and data-protection keys persist across restarts.
    // Default: {LocalApplicationData}/Samverkan/identity.
    public string? DataDirectory { get; set; }

    // The browser-facing base URL (e.g. http://localhost:8080). Tokens then always carry
    // {PublicUrl}/realms/{realm} as issuer whichever address a caller used (Keycloak's KC_HOSTNAME
    // with a dynamic back-channel). Without it the issuer follows the request's host.
    public string? PublicUrl { get; set; }

    // With PublicUrl: the discovery document's back-channel endpoints (token, certs, userinfo,
    // introspection) follow the address a request came to instead of PublicUrl (Keycloak's
    // KC_HOSTNAME_BACKCHANNEL_DYNAMIC), for services that reach this server on an internal address.
    public bool BackchannelDynamic { get; set; }

    // Test overrides of the realm's accessTokenLifespan / accessCodeLifespan, in seconds.
    public int? AccessTokenLifespanSeconds { get; set; }
    public int? AccessCodeLifespanSeconds { get; set; }

    public const string DefaultRealmFile = "deploy/keycloak/samverkan-realm.dev.json";

    public string ResolveRealmFile(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(RealmFile)) return Path.GetFullPath(RealmFile, contentRoot);
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultRealmFile);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException(
            $"No realm file: set Identity:RealmFile (or Identity__RealmFile) to a Keycloak realm export; '{DefaultRealmFile}' was not found above '{contentRoot}'.");
    }

    public string ResolveDataDirectory(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory)) return Path.GetFullPath(DataDirectory, contentRoot);
        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "Samverkan", "identity");
    }
}
