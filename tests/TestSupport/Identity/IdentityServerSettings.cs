namespace Samverkan.TestSupport.Identity;

// How to start a test identity server. Everything defaults to the development realm and a fresh
// temporary data directory (new keys) that is deleted on dispose.
public sealed class IdentityServerSettings
{
    public string? RealmFile { get; init; }

    // Reuse a directory (and so the keys) of another server; not deleted on dispose.
    public string? DataDirectory { get; init; }

    // A fixed public issuer base (Identity:PublicUrl); tokens then keep their issuer across
    // restarts on other ports.
    public string? PublicUrl { get; init; }

    // Extra configuration, e.g. ["Identity__AccessTokenLifespanSeconds"] = "2".
    public IDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
