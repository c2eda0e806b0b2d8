using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.FollowUps;
using Samverkan.SipPlans.Domain.Plans;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class FollowUpTests
{
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(Start.Date);

    [Fact]
    public void The_agreed_follow_up_date_is_scheduled_and_a_follow_up_records_every_interventions_outcome()
    {
        var plan = Agreed();
        Assert.Equal([Day0.AddDays(60)], plan.ScheduledFollowUps);

        var outcomes = new[]
        {
            new InterventionOutcome("i-home", OutcomeStatus.Done, null),
            new InterventionOutcome("i-med", OutcomeStatus.NotDone, "Väntetid hos psykiatrin"),
        };
        var recorded = plan.RecordFollowUp(Start.AddDays(60), outcomes, [new Goal("g-work", "Praktik", GoalTerm.LongTerm)], Day0.AddDays(150), As("2080-soc", 60));

        Assert.Equal(Day0.AddDays(60), recorded.FollowUp.ScheduledFor);
        Assert.Equal(1, recorded.FollowUp.OfVersion);
        Assert.Equal(PlanState.FollowingUp, plan.State);
        Assert.Equal([Day0.AddDays(150)], plan.ScheduledFollowUps);
        Assert.Contains(plan.Draft.Goals, g => g.Id == "g-work");
        Assert.DoesNotContain(plan.CurrentVersion!.Content.Goals, g => g.Id == "g-work");
    }

    [Fact]
    public void Not_done_needs_a_reason()
    {
        var plan = Agreed();
        var outcomes = new[] { new InterventionOutcome("i-home", OutcomeStatus.Done, null), new InterventionOutcome("i-med", OutcomeStatus.NotDone, null) };
        Assert.Equal("outcomes.reason", Refused(() => plan.RecordFollowUp(Start.AddDays(60), outcomes, [], null, As("2080-soc", 60))).Field);
    }

    [Fact]
    public void Every_intervention_of_the_version_needs_an_outcome_and_unknown_ones_are_invalid()
    {
        var plan = Agreed();
        var missing = Refused(() => plan.RecordFollowUp(Start.AddDays(60), [new InterventionOutcome("i-home", OutcomeStatus.Done, null)], [], null, As("2080-soc", 60)));
        Assert.Equal("outcomes", missing.Field);
        Assert.Contains("i-med", missing.Message);

        var unknown = Refused(() => plan.RecordFollowUp(Start.AddDays(60),
            [.. ProcessStateTests.Outcomes(OutcomeStatus.Done), new InterventionOutcome("i-x", OutcomeStatus.Done, null)], [], null, As("2080-soc", 60)));
        Assert.Equal("outcomes.intervention_id", unknown.Field);
        Assert.Equal(PlanState.Agreed, plan.State);
    }

    [Fact]
    public void A_follow_up_needs_one_scheduled()
    {
        var plan = Agreed();
        plan.RecordFollowUp(Start.AddDays(60), ProcessStateTests.Outcomes(OutcomeStatus.InProgress), [], null, As("2080-soc", 60));
        Assert.Equal("FOLLOW_UP", Refused(() => plan.RecordFollowUp(Start.AddDays(61), ProcessStateTests.Outcomes(OutcomeStatus.Done), [], null, As("2080-soc", 61))).Precondition!.Type);

        plan.ScheduleFollowUp(Day0.AddDays(90), As("2080-soc", 61));
        Assert.Equal([Day0.AddDays(90)], plan.ScheduledFollowUps);
        Assert.Equal("date", Refused(() => plan.ScheduleFollowUp(Day0.AddDays(10), As("2080-soc", 61))).Field);
    }

    [Fact]
    public void An_overdue_follow_up_is_visible_to_the_responsible_organisation()
    {
        var plan = Agreed();
        Assert.Empty(plan.OverdueSteps(Start.AddDays(60), Day0.AddDays(60)));

        var overdue = Assert.Single(plan.OverdueSteps(Start.AddDays(61), Day0.AddDays(61)));

        Assert.Equal(OverdueKind.FollowUp, overdue.Kind);
        Assert.Equal(Day0.AddDays(60), overdue.DueDate);
        Assert.Equal(Falun, overdue.ResponsibleOrganisation);
    }
}
