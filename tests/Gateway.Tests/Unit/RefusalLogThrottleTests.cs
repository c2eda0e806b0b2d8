using System.Diagnostics;
using Samverkan.Gateway.RateLimiting;

namespace Samverkan.Gateway.Tests.Unit;

public sealed class RefusalLogThrottleTests
{
    [Fact]
    public void A_caller_is_logged_once_per_interval_and_callers_are_independent()
    {
        var caller = $"client '{Guid.NewGuid():N}'";
        var start = Stopwatch.GetTimestamp();
        var interval = (long)(RefusalLogThrottle.Interval.TotalSeconds * Stopwatch.Frequency);

        Assert.True(RefusalLogThrottle.ShouldLog(caller, start));
        Assert.False(RefusalLogThrottle.ShouldLog(caller, start + 1));
        Assert.False(RefusalLogThrottle.ShouldLog(caller, start + interval - 1));
        Assert.True(RefusalLogThrottle.ShouldLog("other " + caller, start + 1));
        Assert.True(RefusalLogThrottle.ShouldLog(caller, start + interval));
    }
}
