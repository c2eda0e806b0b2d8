namespace Samverkan.DischargeNotices.Domain.Payment;

// The payment responsibility of one case under one agreement. In the monthly-average model a case
// has ready days but no charged days of its own (see MonthlyStatement).
public sealed record CasePayment(
    string CaseId,
    string Municipality,
    PaymentAgreement Agreement,
    bool Applies,
    string? Reason,
    IReadOnlyList<ReadinessPeriod> Periods)
{
    public IEnumerable<ChargedDay> ChargedDays => Periods.SelectMany(p => p.ChargedDays);

    public int ChargedDayCount => Periods.Sum(p => p.ChargedDays.Count);

    public long AmountSek => Periods.Sum(p => p.ChargedDays.Sum(d => d.AmountSek));

    public int ReadyDayCount => Periods.Sum(p => p.ReadyDays.Count);
}
