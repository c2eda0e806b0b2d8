namespace Samverkan.DischargeNotices.Domain.Payment;

// No amount per care day is configured for a year that has charged days: the calculation stops
// rather than guess an amount finance would invoice. Answered FAILED_PRECONDITION naming the setting.
public sealed class MissingDailyAmountException(int year)
    : RuleViolation(ViolationKind.FailedPrecondition,
        $"No amount per care day is configured for {year} (PaymentResponsibility:DailyAmountsSek:{year}).",
        precondition: new PreconditionSubject("CONFIGURATION", $"PaymentResponsibility:DailyAmountsSek:{year}",
            "The amount per care day for this year is not configured."))
{
    public int Year { get; } = year;
}
