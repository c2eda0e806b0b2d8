using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Realm.Representations;

namespace Samverkan.Identity.Tests.Realm;

public sealed class LoginThrottleTests
{
    private readonly ManualTime _time = new();
    private readonly LoginThrottle _throttle;

    public LoginThrottleTests()
    {
        var realm = RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r", BruteForceProtected = true, FailureFactor = 5, MaxDeltaTimeSeconds = 900, WaitIncrementSeconds = 900, MaxFailureWaitSeconds = 900,
        });
        _throttle = new LoginThrottle(realm, _time);
    }

    [Fact]
    public void Five_failures_lock_for_the_wait_increment()
    {
        for (var i = 0; i < 4; i++) _throttle.RecordFailure("anna");
        Assert.False(_throttle.IsLockedOut("anna"));

        _throttle.RecordFailure("ANNA ");
        Assert.True(_throttle.IsLockedOut("anna"));

        _time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.False(_throttle.IsLockedOut("anna"));
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        for (var i = 0; i < 4; i++) _throttle.RecordFailure("anna");
        _time.Advance(TimeSpan.FromMinutes(16));
        _throttle.RecordFailure("anna");
        Assert.False(_throttle.IsLockedOut("anna"));
    }

    [Fact]
    public void A_success_resets_the_count()
    {
        for (var i = 0; i < 4; i++) _throttle.RecordFailure("anna");
        _throttle.RecordSuccess("anna");
        _throttle.RecordFailure("anna");
        Assert.False(_throttle.IsLockedOut("anna"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }
}
