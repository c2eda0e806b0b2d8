namespace Samverkan.PersonalOmbudsmen.Domain.Rules;

// Plausible times: not before 2000 and not after the service's clock plus a small tolerance
// (callers' clocks drift a little).
public static class Instants
{
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static DateTimeOffset Plausible(string field, DateTimeOffset? value, DateTimeOffset now, DateTimeOffset? notBefore = null, string? notBeforeName = null)
    {
        if (value is not { } instant)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is required.");
        }
        if (instant < Bounds.EarliestInstant)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is before 2000-01-01; send the real time (UTC).");
        }
        if (instant > now + FutureTolerance)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is in the future; send the time it happened (UTC).");
        }
        if (notBefore is { } earliest && instant < earliest)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is before {notBeforeName}.");
        }
        return instant;
    }

    public static DateOnly PlausibleDate(string field, DateOnly value, DateOnly today, DateOnly? notBefore = null, string? notBeforeName = null)
    {
        if (value < Bounds.EarliestDate)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is before 2000-01-01.");
        }
        if (value > today.AddDays(1))
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is in the future.");
        }
        if (notBefore is { } earliest && value < earliest)
        {
            throw OmbudRuleViolation.Invalid(field, $"{field} is before {notBeforeName}.");
        }
        return value;
    }
}
