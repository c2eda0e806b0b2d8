using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.Store;

namespace Samverkan.DischargeNotices.Application.Queries;

// Indicators for systematic follow-up (role analyst), computed on request from the cases of each
// municipality's residents admitted in the period (index residents:{municipality}, maintained with
// every case change), so open and closed cases are always counted as they stand now.
//
// No access record: the answer holds only suppressed counts per municipality and month (no case
// id, no person, nothing finer than a month), so it is not an access to anyone's personal data
// (PDL 4 kap. 3 § logs accesses to a person's data). The cases are read inside the service only.
public sealed class IndicatorQueries(
    IDocumentStore store,
    CaseRepository repository,
    DeadlineEvaluator evaluator,
    UnitDirectory directory,
    IOptionsMonitor<DischargeOptions> options,
    IOptionsMonitor<PaymentResponsibilityOptions> payment,
    TimeProvider time)
{
    private const int Batch = 500;

    // A bound on the work of one request: about ten times the region's yearly admissions.
    public const int MaxCases = 200_000;

    public async Task<IndicatorReport> GetAsync(CallerIdentity caller, MonthPeriod period, IReadOnlyList<string> municipalityCodes,
        CancellationToken cancellationToken)
    {
        if (!caller.HasRole(PlatformRoles.Analyst))
        {
            throw CaseRuleViolation.Denied($"Discharge indicators are for the {PlatformRoles.Analyst} role only.");
        }
        var municipalities = directory.SelectMunicipalities(municipalityCodes);
        var now = time.GetUtcNow();
        var calculator = new IndicatorCalculator(evaluator, options.CurrentValue.Indicators.SuppressionThreshold);
        var agreements = payment.CurrentValue;

        var rows = new List<MunicipalityReport>();
        var all = new List<DischargeCase>();
        foreach (var municipality in municipalities)
        {
            var cases = await CohortAsync(municipality.Code, period, MaxCases - all.Count, cancellationToken);
            all.AddRange(cases);
            var months = period.Months
                .Select(m => (m, calculator.Compute(cases.Where(c => MonthPeriod.MonthOf(c.Admission.SentAt) == m).ToList(), agreements.AgreementFor, now)))
                .ToList();
            rows.Add(new MunicipalityReport(municipality.Code, municipality.Name, calculator.Compute(cases, agreements.AgreementFor, now), months));
        }
        return new IndicatorReport(period, calculator.Threshold, now, rows, calculator.Compute(all, agreements.AgreementFor, now));
    }

    private async Task<List<DischargeCase>> CohortAsync(string municipality, MonthPeriod period, int budget, CancellationToken cancellationToken)
    {
        var (from, to) = (IndexMembership.Score(period.Start), IndexMembership.Score(period.End) - 1);
        var cases = new List<DischargeCase>();
        for (var skip = 0; ; skip += Batch)
        {
            var entries = await store.QueryIndexAsync(DischargeStore.Indexes.Residents(municipality), from, to, skip, Batch, false, cancellationToken);
            if (cases.Count + entries.Count > budget)
            {
                throw RuleViolation.Exhausted($"More than {MaxCases} cases in the period: ask for fewer months or fewer municipalities.");
            }
            var loaded = await repository.LoadManyAsync(entries.Select(e => e.Member).ToList(), cancellationToken);
            cases.AddRange(loaded.Select(l => l.Case));
            if (entries.Count < Batch) return cases;
        }
    }
}

public sealed record MunicipalityReport(string Code, string Name, DischargeFigures Period, IReadOnlyList<(DateOnly Month, DischargeFigures Figures)> Months);

public sealed record IndicatorReport(MonthPeriod Period, int SuppressionThreshold, DateTimeOffset ComputedAt,
    IReadOnlyList<MunicipalityReport> Municipalities, DischargeFigures Total);
