namespace Samverkan.DischargeNotices.Domain.Cases;

// Who records the next events and the service's clock. A time later than Now + FutureTolerance is
// "in the future" (the tolerance absorbs clock skew between the caller's systems and ours).
public sealed record EventContext(Actor Actor, DateTimeOffset Now, TimeSpan FutureTolerance)
{
    public void EnsureNotInFuture(DateTimeOffset instant, string field)
    {
        if (instant > Now + FutureTolerance)
        {
            throw CaseRuleViolation.Invalid(field, $"{field} is in the future (later than the service's clock {Now:u}).");
        }
    }
}
