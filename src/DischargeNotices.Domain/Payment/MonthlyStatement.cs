namespace Samverkan.DischargeNotices.Domain.Payment;

public sealed record MonthlyStatement(
    string Municipality,
    int Year,
    int Month,
    PaymentAgreement Agreement,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<AverageModelResult> Average,
    bool Preliminary)
{
    public int ChargedDayCount => Agreement.Model == PaymentModel.Individual
        ? Lines.Sum(l => l.ChargedDays.Count)
        : Average.Sum(a => a.ChargedDays);

    public long AmountSek => Agreement.Model == PaymentModel.Individual
        ? Lines.Sum(l => l.AmountSek)
        : Average.Sum(a => a.AmountSek);
}
