using Samverkan.Contracts.Common.V1;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// Deviation reports and payment figures in the contract's shape.
public static class FollowUpMapper
{
    public static Proto.DeviationReport ToProto(DeviationReport report) => new()
    {
        DeviationId = report.DeviationId,
        CaseId = report.CaseId,
        Kind = ProtoEnums.ToProto(report.Kind),
        ResponsibleOrganisation = CaseMapper.Organisation(report.ResponsibleOrganisation),
        ResponsibleUnit = report.ResponsibleUnit is { } unit ? CaseMapper.Unit(unit) : null,
        ReportingOrganisation = CaseMapper.Organisation(report.ReportingOrganisation),
        DueAt = ProtoTime.ToProto(report.DueAt),
        DetectedAt = ProtoTime.ToProto(report.DetectedAt),
        MetAt = ProtoTime.ToProto(report.MetAt),
        Description = report.Description,
    };

    public static Proto.PaymentAgreement ToProto(PaymentAgreement agreement) => new()
    {
        AgreementId = agreement.Id,
        Model = ProtoEnums.ToProto(agreement.Model),
        SomaticThresholdDays = agreement.SomaticThresholdDays,
        PsychiatricThresholdDays = agreement.PsychiatricThresholdDays,
        DayZeroCounts = agreement.DayZeroCounts,
        CutOffHour = agreement.CutOffHour ?? -1,
        RequiresFixedCareContact = agreement.RequiresFixedCareContact,
        DischargeDayCounts = agreement.DischargeDayCounts,
    };

    public static Proto.CasePayment ToProto(CasePayment payment)
    {
        var message = new Proto.CasePayment
        {
            CaseId = payment.CaseId,
            Municipality = CaseMapper.Organisation(payment.Municipality),
            Agreement = ToProto(payment.Agreement),
            Applies = payment.Applies,
            Reason = payment.Reason ?? "",
            ChargedDayCount = payment.ChargedDayCount,
            AmountSek = payment.AmountSek,
            ReadyDayCount = payment.ReadyDayCount,
            ChargeBasis = ProtoEnums.ToProto(payment.ChargeBasis),
            StatementYear = payment.StatementMonth?.Year ?? 0,
            StatementMonth = payment.StatementMonth?.Month ?? 0,
            Explanation = payment.Explanation,
        };
        message.Periods.AddRange(payment.Periods.Select(ToProto));
        return message;
    }

    public static Proto.MonthlyPaymentStatement ToProto(MonthlyStatement statement, DateTimeOffset computedAt)
    {
        var message = new Proto.MonthlyPaymentStatement
        {
            Municipality = CaseMapper.Organisation(statement.Municipality),
            Year = statement.Year,
            Month = statement.Month,
            Agreement = ToProto(statement.Agreement),
            ChargedDayCount = statement.ChargedDayCount,
            AmountSek = statement.AmountSek,
            ComputedAt = ProtoTime.ToProto(computedAt),
            Preliminary = statement.Preliminary,
        };
        message.Lines.AddRange(statement.Lines.Select(ToProto));
        message.Average.AddRange(statement.Average.Select(a => new Proto.AverageModelSummary
        {
            CareType = ProtoEnums.ToProto(a.CareType),
            DischargedCases = a.DischargedCases,
            ReadyDays = a.ReadyDays,
            ThresholdDays = a.ThresholdDays,
            ChargedDays = a.ChargedDays,
            AmountPerDaySek = a.AmountPerDaySek,
            AmountSek = a.AmountSek,
        }));
        return message;
    }

    private static Proto.StatementLine ToProto(StatementLine line)
    {
        var message = new Proto.StatementLine
        {
            CaseId = line.CaseId,
            PersonalIdentityNumber = new PersonalIdentityNumber { Value = line.PersonalIdentityNumber.Value },
            CareType = ProtoEnums.ToProto(line.CareType),
            ChargedDayCount = line.ChargedDays.Count,
            AmountSek = line.AmountSek,
            ReadyDayCount = line.ReadyDayCount,
            Open = line.Open,
        };
        message.ChargedDays.AddRange(line.ChargedDays.Select(ToProto));
        message.BasisSequences.AddRange(line.BasisSequences);
        return message;
    }

    private static Proto.ReadinessPeriod ToProto(ReadinessPeriod period)
    {
        var message = new Proto.ReadinessPeriod
        {
            ReadinessSequence = period.ReadinessSequence,
            NoticeSentAt = ProtoTime.ToProto(period.NoticeSentAt),
            EffectiveNoticeDate = ProtoTime.ToProto(period.EffectiveNoticeDate),
            EndedBySequence = period.EndedBySequence ?? 0,
        };
        message.ReadyDays.AddRange(period.ReadyDays.Select(ProtoTime.ToProto));
        message.ChargedDays.AddRange(period.ChargedDays.Select(ToProto));
        return message;
    }

    private static Proto.ChargedDay ToProto(ChargedDay day) => new()
    {
        Date = ProtoTime.ToProto(day.Date),
        AmountSek = day.AmountSek,
        ReadinessSequence = day.ReadinessSequence,
    };
}
