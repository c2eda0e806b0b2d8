using Samverkan.SharedKernel.Statistics;
using Common = Samverkan.Contracts.Common.V1;

namespace Samverkan.ServiceCore.Grpc;

// The shared statistics messages of every contract (samverkan.common.v1 MonthPeriod,
// PublishedCount) to and from SharedKernel's Statistics types: one reading of a period, one
// shape of a suppressed count, whichever service publishes the figures.
public static class ProtoStatistics
{
    // INVALID_ARGUMENT naming "period" when missing or outside MonthPeriod's bounds.
    public static MonthPeriod Period(Common.MonthPeriod? period, DateOnly today) =>
        period is null
            ? throw Samverkan.SharedKernel.Rules.RuleViolation.Invalid("period", "period is required (from_year, from_month, to_year, to_month).")
            : MonthPeriod.Of(period.FromYear, period.FromMonth, period.ToYear, period.ToMonth, today);

    // Municipality codes of a statistics request: at most 15 (Dalarna's municipalities), each at most
    // 4 characters; whether they exist is the unit directory's answer (SelectMunicipalities).
    public const int MaxMunicipalityCodes = 15;

    public static IReadOnlyList<string> MunicipalityCodes(IReadOnlyList<string> codes)
    {
        const string field = "municipality_codes";
        if (codes.Count > MaxMunicipalityCodes) throw Samverkan.SharedKernel.Rules.RuleViolation.Invalid(field, $"At most {MaxMunicipalityCodes} municipality codes.");
        return codes.Select(c => c.Trim().Length <= 4 ? c.Trim()
            : throw Samverkan.SharedKernel.Rules.RuleViolation.Invalid(field, "A municipality code is 4 digits (SCB), e.g. 2080.")).ToList();
    }

    public static Common.MonthPeriod ToProto(MonthPeriod period) => new()
    {
        FromYear = period.First.Year, FromMonth = period.First.Month, ToYear = period.Last.Year, ToMonth = period.Last.Month,
    };

    public static Common.PublishedCount ToProto(PublishedCount count) => new() { Value = count.Value, Suppressed = count.Suppressed };
}
