using System.Collections.Concurrent;
using System.Globalization;

namespace Samverkan.Identity.Tokens;

// Sessions ended by logout (Keycloak removes the user session; its refresh tokens and SSO cookie
// then answer "Session not active"). Refresh tokens here are self-contained, so the ids of ended
// sessions are remembered - in the data directory, so a restart does not revive them - until no
// token of the session can be valid any more (ssoSessionMaxLifespan after the logout at the latest).
public sealed class EndedSessions
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly TimeSpan _keep;
    private readonly TimeProvider _time;
    private readonly Lock _write = new();

    public EndedSessions(string path, TimeSpan sessionMaxLifespan, TimeProvider time)
    {
        _path = path;
        _keep = sessionMaxLifespan;
        _time = time;
        Load();
    }

    public bool IsEnded(string? sessionId) => sessionId is not null && _ended.ContainsKey(sessionId);

    // Durable before it returns: a logout that was answered stays a logout after a crash.
    public void End(string sessionId)
    {
        var now = _time.GetUtcNow();
        var until = now + _keep;
        if (!_ended.TryAdd(sessionId, until)) return;
        if (_ended.Count > 100_000)
        {
            foreach (var (id, expiry) in _ended)
            {
                if (expiry < now) _ended.TryRemove(id, out _);
            }
        }
        lock (_write)
        {
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write($"{sessionId} {until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}\n");
            }
            stream.Flush(flushToDisk: true);
        }
    }

    // Reads the file and rewrites it without the entries that no longer matter.
    private void Load()
    {
        if (!File.Exists(_path)) return;
        var now = _time.GetUtcNow();
        foreach (var line in File.ReadAllLines(_path))
        {
            var parts = line.Split(' ');
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && DateTimeOffset.FromUnixTimeSeconds(seconds) > now)
            {
                _ended[parts[0]] = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }
        var temporary = _path + ".tmp";
        File.WriteAllLines(temporary, _ended.Select(e => $"{e.Key} {e.Value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"));
        File.Move(temporary, _path, overwrite: true);
    }
}
