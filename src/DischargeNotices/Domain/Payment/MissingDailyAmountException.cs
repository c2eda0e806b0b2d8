namespace Samverkan.DischargeNotices.Domain.Payment;

// No amount per care day is configured for a year that has charged days: the calculation stops
// rather than guess an amount finance would invoice.
public sealed class MissingDailyAmountException(int year)
    : Exception($"No amount per care day is configured for {year} (PaymentResponsibility:DailyAmountsSek:{year}).")
{
    public int Year { get; } = year;
}
