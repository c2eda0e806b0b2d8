namespace Samverkan.DischargeNotices.Domain.Payment;

// The amount per care day by calendar year (Socialstyrelsen's yearly figure, or an agreed one),
// in whole kronor.
public sealed class DailyAmountTable(IReadOnlyDictionary<int, long> amountsByYear)
{
    public long AmountFor(int year) =>
        amountsByYear.TryGetValue(year, out var amount) ? amount : throw new MissingDailyAmountException(year);
}
