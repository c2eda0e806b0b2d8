using System.Collections.Concurrent;

namespace Samverkan.Gateway.RateLimiting;

// One "rate limit exhausted" warning per caller per Interval. A client in a retry storm is refused
// thousands of times a second; a log line (and its OTLP export) for each would cost the gateway
// more CPU than the refusal itself, at the expense of every other caller (issue #22). Refusals
// are counted by the rate-limiting middleware's metrics (aspnetcore.rate_limiting.requests).
public static class RefusalLogThrottle
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, long> LastLogged = new(StringComparer.Ordinal);

    public static bool ShouldLog(string caller, long now)
    {
        var interval = (long)(Interval.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (true)
        {
            if (!LastLogged.TryGetValue(caller, out var last))
            {
                if (LastLogged.TryAdd(caller, now)) return true;
                continue;
            }
            if (now - last < interval) return false;
            if (LastLogged.TryUpdate(caller, now, last)) return true;
        }
    }
}
