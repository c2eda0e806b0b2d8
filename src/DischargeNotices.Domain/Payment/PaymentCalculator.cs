namespace Samverkan.DischargeNotices.Domain.Payment;

// Computes a case's payment responsibility from its events under an agreement (PaymentAgreement
// explains the day counting). Pure: a changed agreement is applied by computing again, and every
// charged day names the readiness notice it comes from.
public static class PaymentCalculator
{
    // openUntil: the first day not counted for a period still open (normally today, which is not over).
    public static CasePayment Calculate(DischargeCase @case, PaymentAgreement agreement, DailyAmountTable amounts, DateOnly openUntil)
    {
        if (!@case.NeedsMunicipality)
        {
            return new CasePayment(@case.Id, @case.ResidenceMunicipality, agreement, false,
                "No municipal intervention (social services or municipal health care) was marked as needed.", [], null);
        }

        var threshold = agreement.ThresholdFor(@case.Admission.CareType);
        var periods = new List<ReadinessPeriod>();
        ReadinessNotified? open = null;
        foreach (var @event in @case.Events)
        {
            switch (@event)
            {
                case ReadinessNotified readiness:
                    open = readiness;
                    break;
                case ReadinessWithdrawn withdrawal when open is not null:
                    periods.Add(Period(@case, open, withdrawal.Sequence, SwedishCalendar.DateOf(withdrawal.OccurredAt), agreement, threshold, amounts));
                    open = null;
                    break;
                // A discharge, death, leaving or move to another region ends the ready days alike:
                // up to the day the stay ended (that day itself only with DischargeDayCounts).
                case PatientDischarged or StayEnded when open is not null:
                    var endDay = SwedishCalendar.DateOf(@event.OccurredAt);
                    periods.Add(Period(@case, open, @event.Sequence, agreement.DischargeDayCounts ? endDay.AddDays(1) : endDay,
                        agreement, threshold, amounts));
                    open = null;
                    break;
            }
        }
        if (open is not null) periods.Add(Period(@case, open, null, openUntil, agreement, threshold, amounts));

        // The month statement that carries a monthly-average charge: the month the stay ended.
        DateOnly? statementMonth = @case.EndOfStay is { } end && periods.Count > 0
            ? new DateOnly(SwedishCalendar.DateOf(end.OccurredAt).Year, SwedishCalendar.DateOf(end.OccurredAt).Month, 1)
            : null;
        return new CasePayment(@case.Id, @case.ResidenceMunicipality, agreement, true, null, periods, statementMonth);
    }

    // The local day a notice counts from: its sending day, or the next day after the cut-off hour.
    public static DateOnly EffectiveNoticeDate(DateTimeOffset sentAt, PaymentAgreement agreement)
    {
        var day = SwedishCalendar.DateOf(sentAt);
        return agreement.CutOffHour is { } cutOff && SwedishCalendar.HourOf(sentAt) >= cutOff ? day.AddDays(1) : day;
    }

    private static ReadinessPeriod Period(DischargeCase @case, ReadinessNotified readiness, int? endedBy, DateOnly endExclusive,
        PaymentAgreement agreement, int threshold, DailyAmountTable amounts)
    {
        // The notice counts from when it was given (a telephone notice: the call), and never from
        // before a municipal unit was told of the stay at all (a needs change may add it later).
        var toldAt = @case.MunicipalityToldAt is { } told && told > readiness.SentAt ? told : readiness.SentAt;
        var effective = EffectiveNoticeDate(toldAt, agreement);
        var clockStart = effective;
        if (agreement.RequiresFixedCareContact)
        {
            var appointment = @case.Events.OfType<FixedCareContactAppointed>().FirstOrDefault();
            // Without an appointed fixed care contact the clock has not started at all.
            clockStart = appointment is null ? DateOnly.MaxValue : Later(effective, SwedishCalendar.DateOf(appointment.RecordedAt));
        }

        var readyDays = new List<DateOnly>();
        if (clockStart != DateOnly.MaxValue)
        {
            for (var day = agreement.DayZeroCounts ? clockStart : clockStart.AddDays(1); day < endExclusive; day = day.AddDays(1))
            {
                readyDays.Add(day);
            }
        }

        var charged = agreement.Model == PaymentModel.Individual
            ? readyDays.Skip(threshold).Select(d => new ChargedDay(d, amounts.AmountFor(d.Year), readiness.Sequence)).ToList()
            : [];
        return new ReadinessPeriod(readiness.Sequence, readiness.SentAt, effective, endedBy, readyDays, charged);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
