using System.Collections.Concurrent;
using System.Security.Claims;

namespace Samverkan.Gateway.RateLimiting;

// The "penalty box" of issue #22: a token the per-client limiter has just refused, until the retry
// time it was told has passed. A client in a retry storm ignores that hint and calls again at once;
// EarlyRefusalMiddleware answers those calls from here, before authentication, authorization,
// routing and the limiter, so a storm costs the gateway (and every other caller sharing its CPU)
// as little as possible.
//
// Security: an entry can only refuse, never admit, and only the exact token string that was
// authenticated and then refused (a forged or other token misses and takes the full path). An entry
// never outlives the token's own expiry, so an expired token still gets Unauthenticated. Only
// validated tokens can add entries, and the box holds at most MaxEntries.
public sealed class RefusedTokens(TimeProvider time)
{
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Refusal> _refused = new(StringComparer.Ordinal);

    // What the caller was told: who it is (client and organisation, no personal data) and until when.
    public sealed record Refusal(string Caller, DateTimeOffset Until);

    public void Add(string authorization, ClaimsPrincipal user, string caller, TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var until = now + retryAfter;
        if (long.TryParse(user.FindFirst("exp")?.Value, out var exp))
        {
            var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
            if (expires < until) until = expires;
        }
        if (until <= now) return;
        if (_refused.Count >= MaxEntries) Prune(now);
        if (_refused.Count >= MaxEntries) return;
        _refused[authorization] = new Refusal(caller, until);
    }

    // The refusal still in force for this Authorization header value, if any.
    public bool TryGet(string authorization, out Refusal refusal, out TimeSpan remaining)
    {
        remaining = TimeSpan.Zero;
        if (!_refused.TryGetValue(authorization, out refusal!)) return false;
        remaining = refusal.Until - time.GetUtcNow();
        if (remaining > TimeSpan.Zero) return true;
        _refused.TryRemove(new KeyValuePair<string, Refusal>(authorization, refusal));
        return false;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (token, refusal) in _refused)
        {
            if (refusal.Until <= now) _refused.TryRemove(new KeyValuePair<string, Refusal>(token, refusal));
        }
    }
}
