using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Samverkan.Portal.Authentication;

// Server-side token store keyed by a random session key (the "portal_session" claim of the cookie).
// In memory: a portal restart signs everyone out (they are told so and log in again); more than one
// portal instance needs sticky sessions (README, Known limitations).
public sealed class PortalSessionStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PortalSession> _sessions = new(StringComparer.Ordinal);

    public PortalSession Create(string subject, SessionTokens tokens)
    {
        RemoveExpired();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var session = new PortalSession(key, subject) { Tokens = tokens };
        _sessions[key] = session;
        return session;
    }

    public PortalSession? Find(string? key) =>
        key is not null && _sessions.TryGetValue(key, out var session) ? session : null;

    public void Remove(string? key)
    {
        if (key is not null) _sessions.TryRemove(key, out _);
    }

    // Sessions whose refresh token has expired can never be used again.
    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, session) in _sessions)
        {
            if (session.Tokens.RefreshTokenExpiresAt < now) _sessions.TryRemove(key, out _);
        }
    }
}
