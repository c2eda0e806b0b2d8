using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Indexing;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Statistics;
using Samverkan.SipPlans.Domain.Indicators;
using Samverkan.Store;

namespace Samverkan.SipPlans.Application.Queries;

// Plan indicators for systematic follow-up (role analyst), counted from the indexes every plan
// change maintains (org-state:{code}:{state} by creation time, due:{code} by earliest due time),
// so they are current for open and closed plans without reading a plan.
//
// No access record: the answer holds only suppressed counts per municipality (no plan, no person,
// nothing finer than a month), so it is not an access to anyone's personal data.
public sealed class PlanIndicatorQueries(IDocumentStore store, UnitDirectory directory, IOptionsMonitor<PlanIndicatorOptions> options, TimeProvider time)
{
    private const int Batch = 1000;

    // A bound on the work of one request per index read (far above a municipality's plans).
    public const int MaxPlans = 100_000;

    public async Task<PlanIndicatorReport> GetAsync(CallerIdentity caller, MonthPeriod period, IReadOnlyList<string> municipalityCodes,
        CancellationToken cancellationToken)
    {
        var threshold = options.CurrentValue.SuppressionThreshold;
        if (!caller.HasRole(PlatformRoles.Analyst))
        {
            throw RuleViolation.Denied($"Plan indicators are for the {PlatformRoles.Analyst} role only.");
        }
        var now = time.GetUtcNow();
        var (from, to) = (IndexMembership.Score(period.Start), IndexMembership.Score(period.End) - 1);
        var rows = new List<(DirectoryOrganisation, PlanFigures)>();
        foreach (var municipality in directory.SelectMunicipalities(municipalityCodes))
        {
            var byState = new Dictionary<PlanState, int>();
            foreach (var state in Enum.GetValues<PlanState>())
            {
                byState[state] = await CountAsync(SipStore.Indexes.ByOrganisationAndState(municipality.Code, state.ToString()), from, to, cancellationToken);
            }
            var overdue = await CountAsync(SipStore.Indexes.Due(municipality.Code), double.MinValue, IndexMembership.Score(now), cancellationToken);
            rows.Add((municipality, PlanFigures.From(byState, overdue, threshold)));
        }
        return new PlanIndicatorReport(period, threshold, now, rows);
    }

    private async Task<int> CountAsync(string index, double from, double to, CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += Batch)
        {
            var entries = await store.QueryIndexAsync(index, from, to, skip, Batch, false, cancellationToken);
            if (entries.Count < Batch) return skip + entries.Count;
            if (skip + Batch >= MaxPlans) throw RuleViolation.Exhausted($"More than {MaxPlans} plans in one count: ask for a shorter period.");
        }
    }
}

public sealed record PlanIndicatorReport(MonthPeriod Period, int SuppressionThreshold, DateTimeOffset ComputedAt,
    IReadOnlyList<(DirectoryOrganisation Municipality, PlanFigures Figures)> Municipalities);

// Section "Sip:Indicators".
public sealed class PlanIndicatorOptions
{
    public const string SectionName = "Sip:Indicators";

    // Counts from 1 to this value minus one are suppressed (verify with the county).
    public int SuppressionThreshold { get; set; } = SmallCounts.DefaultThreshold;
}
