namespace Samverkan.SipPlans.Domain.Plans;

// Who takes the next step, the service's clock and the Swedish calendar day (for follow-up dates),
// and the unit directory the plan's organisations and units are checked against.
public sealed record StepContext(Actor Actor, DateTimeOffset Now, DateOnly Today, UnitDirectory Directory)
{
    // Clock skew between callers' systems and ours.
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public void EnsureNotInFuture(DateTimeOffset instant, string field)
    {
        if (instant > Now + FutureTolerance)
        {
            throw RuleViolation.Invalid(field, $"{field} is in the future (later than the service's clock {Now:u}).");
        }
    }

    public void EnsurePlausiblePast(DateTimeOffset instant, DateTimeOffset notBefore, string field)
    {
        EnsureNotInFuture(instant, field);
        if (instant < notBefore)
        {
            throw RuleViolation.Invalid(field, $"{field} is before {notBefore:u}, earlier than the plan allows.");
        }
    }
}
