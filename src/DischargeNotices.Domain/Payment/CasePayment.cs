namespace Samverkan.DischargeNotices.Domain.Payment;

// The payment responsibility of one case under one agreement. In the monthly-average model a case
// has ready days but no charged days of its own (see MonthlyStatement): ChargeBasis and
// StatementMonth say where the charge is, so a 0 is never read as "nothing to pay".
public sealed record CasePayment(
    string CaseId,
    string Municipality,
    PaymentAgreement Agreement,
    bool Applies,
    string? Reason,
    IReadOnlyList<ReadinessPeriod> Periods,
    // First day of the month whose statement includes the case (the month the stay ended);
    // null while the stay is open or when there are no ready days.
    DateOnly? StatementMonth)
{
    public IEnumerable<ChargedDay> ChargedDays => Periods.SelectMany(p => p.ChargedDays);

    public int ChargedDayCount => Periods.Sum(p => p.ChargedDays.Count);

    public long AmountSek => Periods.Sum(p => p.ChargedDays.Sum(d => d.AmountSek));

    public int ReadyDayCount => Periods.Sum(p => p.ReadyDays.Count);

    public PaymentChargeBasis ChargeBasis =>
        Agreement.Model == PaymentModel.MonthlyAverage ? PaymentChargeBasis.MonthlyStatement : PaymentChargeBasis.Case;

    // A fixed-vocabulary sentence for people reading the answer (no personal data).
    public string Explanation => (Applies, ChargeBasis, StatementMonth) switch
    {
        (false, _, _) => Reason ?? "Payment responsibility does not apply.",
        (true, PaymentChargeBasis.Case, _) =>
            $"Individual model (agreement {Agreement.Id}): the charged days and amount of this case are its charge.",
        (true, PaymentChargeBasis.MonthlyStatement, { } month) =>
            $"Monthly-average model (agreement {Agreement.Id}): this case has no charge of its own; its {ReadyDayCount} ready days count on the monthly statement for {month:yyyy-MM}, which carries the charge per care type.",
        _ =>
            $"Monthly-average model (agreement {Agreement.Id}): this case has no charge of its own; its ready days ({ReadyDayCount} so far) will count on the monthly statement for the month the stay ends, which carries the charge per care type.",
    };
}
