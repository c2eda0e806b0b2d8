using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Realm.Representations;

namespace Samverkan.Identity.Tests.Realm;

public sealed class UserAuthenticatorTests
{
    // Issue #15, item 6: an unknown username must cost what a wrong password costs (a password
    // hash is checked either way), or its answer time tells which usernames exist. Compared as a
    // ratio of medians in one process, so the machine's speed does not matter.
    [Fact]
    public void An_unknown_username_takes_as_long_as_a_wrong_password()
    {
        var realm = RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Users = [new UserRepresentation { Username = "anna", Credentials = [new CredentialRepresentation { Type = "password", Value = "hemligt" }] }],
        });
        var authenticator = new UserAuthenticator(realm, new LoginThrottle(realm, TimeProvider.System), new LoginMetrics(Meters()));

        double Median(string username)
        {
            var times = new List<double>();
            for (var i = 0; i < 21; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.Equal(LoginOutcome.InvalidCredentials, authenticator.Authenticate(username, "fel", out _));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(times.Count / 2);
        }

        Median("anna"); // warm-up
        var known = Median("anna");
        var unknown = Median("nobody-" + Guid.NewGuid());
        Assert.True(unknown > known * 0.5, $"unknown user {unknown:F3} ms, wrong password {known:F3} ms");
    }

    // Issue #21, item 2: login failures are counted by reason, never with the username.
    [Fact]
    public void Failed_logins_are_counted_by_reason_without_the_username()
    {
        var realm = RealmLoader.Load(new RealmRepresentation
        {
            Realm = "r",
            Users = [new UserRepresentation { Username = "anna", Credentials = [new CredentialRepresentation { Type = "password", Value = "hemligt" }] }],
        });
        var meters = Meters();
        var authenticator = new UserAuthenticator(realm, new LoginThrottle(realm, TimeProvider.System), new LoginMetrics(meters));
        var recorded = new List<(long Value, string Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "samverkan.identity.login.failures" && instrument.Meter.Scope == meters) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (recorded) recorded.Add((value, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))));
        });
        listener.Start();

        authenticator.Authenticate("anna", "fel", out _);
        authenticator.Authenticate("okänd-person", "fel", out _);
        authenticator.Authenticate("anna", "hemligt", out _);

        Assert.Equal([(1L, "reason=invalid_credentials"), (1L, "reason=invalid_credentials")], recorded);
    }

    private static System.Diagnostics.Metrics.IMeterFactory Meters() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider()
            .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
}
