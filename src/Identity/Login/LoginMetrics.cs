using System.Diagnostics.Metrics;

namespace Samverkan.Identity.Login;

// Failed password checks (login page and password grant alike): samverkan.identity.login.failures
// ({attempt}, label reason = invalid_credentials | locked_out | disabled). Never the username: it is
// caller-supplied text and often a person's name.
public sealed class LoginMetrics
{
    public const string MeterName = "Samverkan.Identity";

    private readonly Counter<long> _failures;

    public LoginMetrics(IMeterFactory meters)
    {
        _failures = meters.Create(MeterName).CreateCounter<long>("samverkan.identity.login.failures", "{attempt}",
            "Password checks that did not sign a user in, by reason.");
    }

    public void Record(LoginOutcome outcome)
    {
        var reason = outcome switch
        {
            LoginOutcome.Success => null,
            LoginOutcome.InvalidCredentials => "invalid_credentials",
            LoginOutcome.LockedOut => "locked_out",
            LoginOutcome.Disabled => "disabled",
            _ => "other",
        };
        if (reason is not null) _failures.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }
}
