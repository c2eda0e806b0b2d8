using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Survey;

namespace Samverkan.SipPlans.Tests.Survey;

public sealed class SurveyTests
{
    private static readonly SurveyDefinition Survey = SurveyDefinition.Default;

    private static SurveyResponse Answer(int value) =>
        SurveyResponse.Create(Survey, SurveyOccasion.Meeting, "2034", new DateOnly(2025, 4, 2), new Dictionary<string, int> { ["listened-to"] = value });

    [Fact]
    public void Fewer_answers_than_the_threshold_are_suppressed_entirely()
    {
        var aggregate = new SurveyAggregator(5).Aggregate(Survey, Enumerable.Range(0, 4).Select(_ => Answer(4)));

        Assert.Null(aggregate.Respondents);
        var item = aggregate.Items.Single(i => i.ItemId == "listened-to");
        Assert.True(item.Suppressed);
        Assert.Null(item.Mean);
        Assert.Empty(item.Distribution);
    }

    [Fact]
    public void Enough_answers_are_shown_with_small_cells_suppressed()
    {
        var answers = Enumerable.Range(0, 6).Select(_ => Answer(4)).Append(Answer(1));
        var aggregate = new SurveyAggregator(5).Aggregate(Survey, answers);

        Assert.Equal(7, aggregate.Respondents);
        var item = aggregate.Items.Single(i => i.ItemId == "listened-to");
        Assert.False(item.Suppressed);
        Assert.Equal(7, item.Count);
        Assert.Equal([null, 0, 0, 6], item.Distribution);
        Assert.True(aggregate.Items.Single(i => i.ItemId == "decided").Suppressed);
    }

    [Fact]
    public void Answers_off_the_scale_or_for_unknown_items_are_invalid()
    {
        Assert.Equal("answers", Assert.ThrowsAny<RuleViolation>(() => Answer(5)).Field);
        Assert.Equal("answers", Assert.ThrowsAny<RuleViolation>(() => SurveyResponse.Create(Survey, SurveyOccasion.FollowUp, "2034",
            new DateOnly(2025, 4, 2), new Dictionary<string, int> { ["other"] = 1 })).Field);
    }

    [Fact]
    public void Items_and_scale_are_configurable_and_checked()
    {
        var custom = new SurveyDefinition("custom", [new SurveyItem("q", "Fråga")], new SurveyScale(0, 10, []));
        custom.Validate();
        var response = SurveyResponse.Create(custom, SurveyOccasion.FollowUp, "20", new DateOnly(2025, 4, 2), new Dictionary<string, int> { ["q"] = 9 });
        Assert.Equal(9, response.Answers["q"]);
        Assert.Throws<InvalidDataException>(() => (custom with { Scale = new SurveyScale(3, 3, []) }).Validate());
        Assert.Throws<InvalidDataException>(() => (custom with { Items = [] }).Validate());
    }

    [Fact]
    public void A_response_carries_no_plan_person_or_day()
    {
        var properties = typeof(SurveyResponse).GetProperties().Select(p => p.Name).ToList();
        Assert.Equal(["SurveyId", "Occasion", "OrganisationCode", "Year", "Month", "Answers"], properties);
    }
}
