using Samverkan.Contracts.Common.V1;
using Samverkan.DischargeNotices.Application.Queries;
using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// Indicators (domain, already suppressed) to the contract.
public static class IndicatorMapper
{
    public static Proto.DischargeIndicators ToProto(IndicatorReport report)
    {
        var message = new Proto.DischargeIndicators
        {
            Period = ProtoStatistics.ToProto(report.Period),
            SuppressionThreshold = report.SuppressionThreshold,
            ComputedAt = ProtoTime.ToProto(report.ComputedAt),
            Total = ToProto(report.Total),
        };
        message.Municipalities.AddRange(report.Municipalities.Select(ToProto));
        return message;
    }

    private static Proto.MunicipalityIndicators ToProto(MunicipalityReport row)
    {
        var message = new Proto.MunicipalityIndicators
        {
            Municipality = new OrganisationRef { Code = row.Code },
            Name = row.Name,
            Period = ToProto(row.Period),
        };
        message.Months.AddRange(row.Months.Select(m => new Proto.MonthIndicators { Year = m.Month.Year, Month = m.Month.Month, Figures = ToProto(m.Figures) }));
        return message;
    }

    private static Proto.IndicatorFigures ToProto(DischargeFigures figures)
    {
        var message = new Proto.IndicatorFigures
        {
            Cases = ProtoStatistics.ToProto(figures.Cases),
            StillOpen = ProtoStatistics.ToProto(figures.StillOpen),
            ReadyDays = ToProto(figures.ReadyDays),
        };
        message.Deadlines.AddRange(figures.Deadlines.Select(ToProto));
        return message;
    }

    private static Proto.DeadlineIndicator ToProto(DeadlineFigures deadline)
    {
        var message = new Proto.DeadlineIndicator
        {
            Kind = ProtoEnums.ToProto(deadline.Kind),
            Decided = ProtoStatistics.ToProto(deadline.Decided),
            Met = ProtoStatistics.ToProto(deadline.Met),
            NotMet = ProtoStatistics.ToProto(deadline.NotMet),
            Pending = ProtoStatistics.ToProto(deadline.Pending),
        };
        if (deadline.MetPercent is { } percent) message.MetPercent = percent;
        return message;
    }

    private static Proto.ReadyDayIndicator ToProto(ReadyDayFigures ready)
    {
        var message = new Proto.ReadyDayIndicator { Cases = ProtoStatistics.ToProto(ready.Cases) };
        if (ready.TotalDays is { } total) message.TotalDays = total;
        if (ready.MedianDays is { } median) message.MedianDays = median;
        if (ready.DaysOverFreeDays is { } over) message.DaysOverFreeDays = over;
        message.Distribution.AddRange(ready.Distribution.Select(d => new Proto.ReadyDayBandCount { Band = ToProto(d.Band), Cases = ProtoStatistics.ToProto(d.Cases) }));
        return message;
    }

    private static Proto.ReadyDayBand ToProto(ReadyDayBand band) => band switch
    {
        ReadyDayBand.UpTo3Days => Proto.ReadyDayBand.UpToThreeDays,
        ReadyDayBand.From4To7Days => Proto.ReadyDayBand.FourToSevenDays,
        ReadyDayBand.From8To14Days => Proto.ReadyDayBand.EightToFourteenDays,
        ReadyDayBand.From15Days => Proto.ReadyDayBand.FifteenDaysOrMore,
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Not a ready-day band."),
    };
}
