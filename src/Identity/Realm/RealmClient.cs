using System.Security.Cryptography;
using System.Text;

namespace Samverkan.Identity.Realm;

// A client of the realm. The secret is kept as a SHA-256 digest and compared in constant time.
public sealed class RealmClient
{
    private byte[]? _secretDigest;

    public required string ClientId { get; init; }
    public required bool Enabled { get; init; }
    public required bool IsPublic { get; init; }
    public required bool BearerOnly { get; init; }
    public required bool StandardFlowEnabled { get; init; }
    public required bool DirectAccessGrantsEnabled { get; init; }
    public required bool ServiceAccountsEnabled { get; init; }
    public required IReadOnlyList<string> RedirectUris { get; init; }
    public required IReadOnlyList<string> PostLogoutRedirectUris { get; init; }
    public required IReadOnlyList<string> WebOrigins { get; init; }
    public string? PkceMethod { get; init; }
    public required IReadOnlyList<ProtocolMapper> ProtocolMappers { get; init; }
    public required IReadOnlyList<RealmClientScope> DefaultScopes { get; init; }
    public required IReadOnlyList<RealmClientScope> OptionalScopes { get; init; }

    public bool IsConfidential => !IsPublic && !BearerOnly;

    public bool HasSecret => _secretDigest is not null;

    public string? Secret
    {
        init => _secretDigest = string.IsNullOrEmpty(value) ? null : Digest(value);
    }

    public bool ValidateSecret(string? secret) =>
        _secretDigest is not null && secret is not null && CryptographicOperations.FixedTimeEquals(Digest(secret), _secretDigest);

    public bool IsValidRedirectUri(string? uri) => uri is not null && RedirectUriMatcher.Matches(RedirectUris, uri);

    // "+" in post.logout.redirect.uris means "the same as the redirect URIs" (Keycloak).
    public bool IsValidPostLogoutRedirectUri(string uri) =>
        PostLogoutRedirectUris.Contains("+")
            ? RedirectUriMatcher.Matches([.. RedirectUris, .. PostLogoutRedirectUris.Where(u => u != "+")], uri)
            : RedirectUriMatcher.Matches(PostLogoutRedirectUris, uri);

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
