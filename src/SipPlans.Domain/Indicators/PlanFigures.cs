using Samverkan.SharedKernel.Statistics;
using Samverkan.SipPlans.Domain.Plans;

namespace Samverkan.SipPlans.Domain.Indicators;

// The published plan indicators of one municipality: plans by state (a table whose total is
// published, so one suppressed state takes the next smallest with it) and plans overdue now.
public sealed record PlanFigures(PublishedCount Plans, IReadOnlyList<(PlanState State, PublishedCount Plans)> ByState, PublishedCount Overdue)
{
    public static PlanFigures From(IReadOnlyDictionary<PlanState, int> plansByState, int overdue, int threshold)
    {
        if (threshold < 2) throw new ArgumentOutOfRangeException(nameof(threshold), "A threshold below 2 suppresses nothing.");
        var states = Enum.GetValues<PlanState>();
        var total = SmallCounts.Single(plansByState.Values.Sum(), threshold);
        var cells = SmallCounts.Table(states.Select(s => plansByState.GetValueOrDefault(s)).ToList(), threshold, totalPublished: !total.Suppressed);
        return new PlanFigures(total, states.Zip(cells).ToList(), SmallCounts.Single(overdue, threshold));
    }
}
