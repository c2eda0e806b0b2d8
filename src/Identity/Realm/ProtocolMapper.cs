namespace Samverkan.Identity.Realm;

// One Keycloak protocol mapper ("oidc-audience-mapper", "oidc-usermodel-attribute-mapper", ...)
// with its configuration, as it appears on a client scope or a client.
public sealed record ProtocolMapper(string Name, string Type, IReadOnlyDictionary<string, string> Config)
{
    public string? this[string key] => Config.TryGetValue(key, out var value) ? value : null;

    public bool IsOn(string key) => string.Equals(this[key], "true", StringComparison.OrdinalIgnoreCase);

    public bool InAccessToken => IsOn("access.token.claim");
    public bool InIdToken => IsOn("id.token.claim");
    public bool InUserInfo => IsOn("userinfo.token.claim");
    public bool InIntrospection => IsOn("introspection.token.claim");
}
