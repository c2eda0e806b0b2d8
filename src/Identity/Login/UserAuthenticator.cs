using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Login;

// Checks a username and password for the login page and the password grant alike, so both obey
// the same lock-out. Service accounts never log in with a password.
public sealed class UserAuthenticator(RealmModel realm, LoginThrottle throttle, LoginMetrics metrics)
{
    public LoginOutcome Authenticate(string? username, string? password, out RealmUser? user)
    {
        var outcome = Check(username, password, out user);
        metrics.Record(outcome);
        return outcome;
    }

    private static readonly PasswordHash DummyHash = PasswordHash.Create(Guid.NewGuid().ToString());

    private LoginOutcome Check(string? username, string? password, out RealmUser? user)
    {
        user = null;
        var name = username?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(password)) return LoginOutcome.InvalidCredentials;
        if (throttle.IsLockedOut(name)) return LoginOutcome.LockedOut;

        var candidate = realm.FindUserByUsername(name);
        // Without a password to check, a throw-away hash is checked instead (as Keycloak does), so
        // an unknown username costs as much time as a wrong password and reveals nothing by timing.
        var hash = candidate is { IsServiceAccount: false, Password: { } own } ? own : DummyHash;
        if (!hash.Verify(password) || hash == DummyHash)
        {
            throttle.RecordFailure(name);
            return throttle.IsLockedOut(name) ? LoginOutcome.LockedOut : LoginOutcome.InvalidCredentials;
        }

        throttle.RecordSuccess(name);
        if (!candidate!.Enabled) return LoginOutcome.Disabled;
        user = candidate;
        return LoginOutcome.Success;
    }
}
