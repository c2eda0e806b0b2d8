using System.Collections.Concurrent;

namespace Samverkan.Identity.Endpoints;

// Authorization codes are single use (RFC 6749 §4.1.2). Codes are self-contained, so the ids of
// redeemed codes are remembered until the codes expire. In memory: a code redeemed just before a
// restart could be redeemed once more within its lifetime (60 s by default).
public sealed class AuthorizationCodeRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    public bool TryRedeem(string codeId, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow();
        if (_redeemed.Count > 1000)
        {
            foreach (var (id, expiry) in _redeemed)
            {
                if (expiry < now) _redeemed.TryRemove(id, out _);
            }
        }
        return _redeemed.TryAdd(codeId, expiresAt);
    }
}
