using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Keycloak;

// Remembers access tokens that passed validation, so a client that sends the same token on every
// call (as gRPC clients do for the token's lifetime) pays signature verification and claim parsing
// once instead of per call - what Envoy's jwt_authn and most API gateways do. Only valid tokens are
// remembered (invalid ones cannot fill the cache), an entry never outlives the token's own expiry,
// and entries are dropped after MaxAge so that a signing key withdrawn from the realm's JWKS stops
// being honoured within that time. Each hit returns a fresh copy of the identity: claims
// transformations add claims to it, and concurrent calls must not share one instance.
public sealed class ValidatedTokenCache(int maxEntries, TimeSpan maxAge, TimeProvider time)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    public int Count => _entries.Count;

    public bool TryGet(string token, out TokenValidationResult result)
    {
        if (_entries.TryGetValue(token, out var entry))
        {
            if (time.GetUtcNow() < entry.ExpiresAt)
            {
                result = entry.NewResult();
                return true;
            }
            _entries.TryRemove(KeyValuePair.Create(token, entry));
        }
        result = null!;
        return false;
    }

    public void Add(string token, TokenValidationResult validated)
    {
        if (maxEntries <= 0 || !validated.IsValid || validated.ClaimsIdentity is not { } identity || validated.SecurityToken is not { } securityToken)
        {
            return;
        }

        var now = time.GetUtcNow();
        var tokenExpiry = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
        var expiresAt = Min(tokenExpiry, now + maxAge);
        if (expiresAt <= now)
        {
            return;
        }
        if (_entries.Count >= maxEntries && !SweepExpired(now))
        {
            return; // full of live entries: validate without caching rather than grow without bound
        }

        // The cached identity is a private copy nobody else holds, so later changes to the caller's
        // copy (claims transformation) never leak into the next call.
        _entries[token] = new Entry(identity.Clone(), securityToken, validated.Issuer, validated.TokenType, expiresAt);
    }

    // True when room was made.
    private bool SweepExpired(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
        {
            return false;
        }
        foreach (var (token, entry) in _entries)
        {
            if (entry.ExpiresAt <= now) _entries.TryRemove(KeyValuePair.Create(token, entry));
        }
        return _entries.Count < maxEntries;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record Entry(ClaimsIdentity Identity, SecurityToken SecurityToken, string? Issuer, string? TokenType, DateTimeOffset ExpiresAt)
    {
        public TokenValidationResult NewResult() => new()
        {
            IsValid = true,
            ClaimsIdentity = Identity.Clone(),
            SecurityToken = SecurityToken,
            Issuer = Issuer,
            TokenType = TokenType,
        };
    }
}
