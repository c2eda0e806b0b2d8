namespace Samverkan.Portal.Authentication;

// One signed-in browser session's tokens, kept in the portal's memory only (never in the cookie or
// the browser): the cookie carries just the session key. Tokens are replaced on every refresh.
public sealed class PortalSession(string key, string subject)
{
    public string Key { get; } = key;

    public string Subject { get; } = subject;

    public required SessionTokens Tokens { get; set; }

    // Serializes refreshes: a circuit's parallel calls must not each spend the refresh token.
    internal SemaphoreSlim RefreshLock { get; } = new(1, 1);

    // Set once the identity server refused a refresh: the single sign-on session is over.
    public bool Ended { get; set; }
}

public sealed record SessionTokens(
    string AccessToken,
    DateTimeOffset AccessTokenExpiresAt,
    string? RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    string? IdToken);
