using Samverkan.SharedKernel.Statistics;
using Samverkan.SipPlans.Domain.Indicators;
using Samverkan.SipPlans.Domain.Plans;

namespace Samverkan.SipPlans.Tests.Domain;

// Plans by state are one table whose total is published: the shared small-count rule with
// secondary suppression, per municipality.
public sealed class PlanFiguresTests
{
    [Fact]
    public void Counts_of_five_or_more_and_zeros_are_shown()
    {
        var figures = PlanFigures.From(new Dictionary<PlanState, int> { [PlanState.Agreed] = 7, [PlanState.FollowingUp] = 5 }, overdue: 0, threshold: 5);

        Assert.Equal(PublishedCount.Shown(12), figures.Plans);
        Assert.Equal(PublishedCount.Shown(7), figures.ByState.Single(s => s.State == PlanState.Agreed).Plans);
        Assert.Equal(PublishedCount.Shown(0), figures.ByState.Single(s => s.State == PlanState.Closed).Plans);
        Assert.Equal(Enum.GetValues<PlanState>(), figures.ByState.Select(s => s.State));
        Assert.Equal(PublishedCount.Shown(0), figures.Overdue);
    }

    [Fact]
    public void One_small_state_hides_the_next_smallest_so_it_cannot_be_computed_from_the_total()
    {
        // 9 agreed, 6 following up, 2 closed: 2 is hidden, and 17 − 9 would give 8 = 6 + 2, so 6 goes too.
        var figures = PlanFigures.From(new Dictionary<PlanState, int>
        {
            [PlanState.Agreed] = 9, [PlanState.FollowingUp] = 6, [PlanState.Closed] = 2,
        }, overdue: 3, threshold: 5);

        Assert.Equal(PublishedCount.Shown(17), figures.Plans);
        Assert.Equal(PublishedCount.Hidden, figures.ByState.Single(s => s.State == PlanState.Closed).Plans);
        Assert.Equal(PublishedCount.Hidden, figures.ByState.Single(s => s.State == PlanState.FollowingUp).Plans);
        Assert.Equal(PublishedCount.Shown(9), figures.ByState.Single(s => s.State == PlanState.Agreed).Plans);
        Assert.Equal(PublishedCount.Hidden, figures.Overdue);
    }

    [Fact]
    public void A_municipality_with_three_plans_discloses_no_count()
    {
        var figures = PlanFigures.From(new Dictionary<PlanState, int> { [PlanState.Preparing] = 3 }, overdue: 0, threshold: 5);

        Assert.Equal(PublishedCount.Hidden, figures.Plans);
        Assert.Equal(PublishedCount.Hidden, figures.ByState.Single(s => s.State == PlanState.Preparing).Plans);
    }
}
