namespace Samverkan.DischargeNotices.Domain.Payment;

// The monthly statement for one municipality (what finance reconciles):
// - individual model: every case with charged days in the month, with exactly those days (a stay
//   across a month boundary appears in both months with the days of each);
// - monthly-average model: the stays that ended in the month after a readiness notice, their ready days, and per care type
//   max(0, ready days − threshold × cases) charged at the month's yearly amount.
public static class MonthlyStatementBuilder
{
    public static MonthlyStatement Build(string municipality, int year, int month, IEnumerable<DischargeCase> cases,
        PaymentAgreement agreement, DailyAmountTable amounts, DateOnly today)
    {
        var monthStart = new DateOnly(year, month, 1);
        var monthEnd = monthStart.AddMonths(1);
        var horizon = today < monthEnd ? today : monthEnd;
        var residents = cases.Where(c => c.ResidenceMunicipality == municipality && c.NeedsMunicipality).ToList();

        if (agreement.Model == PaymentModel.Individual)
        {
            var lines = new List<StatementLine>();
            foreach (var @case in residents)
            {
                var payment = PaymentCalculator.Calculate(@case, agreement, amounts, horizon);
                var days = payment.ChargedDays.Where(d => d.Date >= monthStart && d.Date < monthEnd).ToList();
                if (days.Count == 0) continue;
                var basis = payment.Periods.Where(p => p.ChargedDays.Any(d => d.Date >= monthStart && d.Date < monthEnd))
                    .SelectMany(p => p.BasisSequences).ToList();
                lines.Add(new StatementLine(@case.Id, @case.Patient.PersonalIdentityNumber, @case.Admission.CareType, days,
                    days.Sum(d => d.AmountSek), days.Count, @case.IsOpen, basis));
            }
            var preliminary = today < monthEnd || lines.Any(l => l.Open);
            return new MonthlyStatement(municipality, year, month, agreement, lines, [], preliminary);
        }

        // The stays that ended in the month (discharge, death, leaving, another region) with at least
        // one readiness notice: a stay that ended without one was never "ready" and does not count.
        var discharged = residents
            .Where(c => c.EndOfStay is { } end && SwedishCalendar.DateOf(end.OccurredAt) is var day && day >= monthStart && day < monthEnd)
            .Select(c => (Case: c, Payment: PaymentCalculator.Calculate(c, agreement, amounts, horizon)))
            .Where(x => x.Payment.Periods.Count > 0)
            .ToList();
        var averageLines = discharged.Select(x => new StatementLine(x.Case.Id, x.Case.Patient.PersonalIdentityNumber, x.Case.Admission.CareType,
            [], 0, x.Payment.ReadyDayCount, false, x.Payment.Periods.SelectMany(p => p.BasisSequences).ToList())).ToList();
        var average = discharged.GroupBy(x => x.Case.Admission.CareType).OrderBy(g => g.Key).Select(g =>
        {
            var threshold = agreement.ThresholdFor(g.Key);
            var readyDays = g.Sum(x => x.Payment.ReadyDayCount);
            var chargedDays = Math.Max(0, readyDays - threshold * g.Count());
            var amountPerDay = chargedDays > 0 ? amounts.AmountFor(year) : 0;
            return new AverageModelResult(g.Key, g.Count(), readyDays, threshold, chargedDays, amountPerDay);
        }).ToList();
        return new MonthlyStatement(municipality, year, month, agreement, averageLines, average, today < monthEnd);
    }
}
