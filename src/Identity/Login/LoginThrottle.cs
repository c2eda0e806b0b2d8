using System.Collections.Concurrent;
using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Login;

// Keycloak-style temporary lock-out. Failures are counted per username whether or not the user
// exists, so the lock-out answer reveals nothing about which usernames are real.
public sealed class LoginThrottle(RealmModel realm, TimeProvider time)
{
    private const int MaxTrackedUsernames = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private BruteForcePolicy Policy => realm.BruteForce;

    public bool IsLockedOut(string username)
    {
        if (!Policy.Enabled || !_failures.TryGetValue(Key(username), out var failures)) return false;
        lock (failures) return failures.LockedUntil > time.GetUtcNow();
    }

    public void RecordFailure(string username)
    {
        if (!Policy.Enabled) return;
        if (_failures.Count >= MaxTrackedUsernames) Prune();

        var now = time.GetUtcNow();
        var failures = _failures.GetOrAdd(Key(username), _ => new Failures());
        lock (failures)
        {
            if (now - failures.LastFailure > Policy.MaxDeltaTime) failures.Count = 0;
            failures.Count++;
            failures.LastFailure = now;
            if (failures.Count >= Policy.FailureFactor)
            {
                var wait = Policy.WaitIncrement * (failures.Count / Policy.FailureFactor);
                failures.LockedUntil = now + (wait > Policy.MaxWait ? Policy.MaxWait : wait);
            }
        }
    }

    public void RecordSuccess(string username) => _failures.TryRemove(Key(username), out _);

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, failures) in _failures)
        {
            bool stale;
            lock (failures) stale = now - failures.LastFailure > Policy.MaxDeltaTime && failures.LockedUntil <= now;
            if (stale) _failures.TryRemove(key, out _);
        }
    }

    private static string Key(string username) => username.Trim();

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset LastFailure;
        public DateTimeOffset LockedUntil;
    }
}
