namespace Samverkan.SipPlans.Domain.Survey;

// Aggregates anonymous answers per item. A count below the threshold is suppressed (no
// distribution, no mean): in the smallest municipalities (about 6 800 inhabitants) a handful of
// answers could point at a person.
public sealed class SurveyAggregator(int minimumCount)
{
    public const int DefaultMinimumCount = 5;

    public int MinimumCount { get; } = minimumCount >= 1 ? minimumCount : throw new ArgumentOutOfRangeException(nameof(minimumCount));

    public SurveyAggregate Aggregate(SurveyDefinition survey, IEnumerable<SurveyResponse> responses)
    {
        var answers = responses.Where(r => r.SurveyId == survey.Id).ToList();
        var respondents = answers.Count;
        var items = survey.Items.Select(item =>
        {
            var values = answers.Where(r => r.Answers.ContainsKey(item.Id)).Select(r => r.Answers[item.Id]).ToList();
            if (values.Count < MinimumCount) return new ItemAggregate(item.Id, Suppressed: true, Count: null, Mean: null, Distribution: []);
            var distribution = Enumerable.Range(survey.Scale.Min, survey.Scale.Max - survey.Scale.Min + 1)
                .Select(v => values.Count(x => x == v)).ToList();
            // Single cells below the threshold would still show a few people's answers: coarsen by suppressing them.
            var shown = distribution.Select(c => c is > 0 and var n && n < MinimumCount ? (int?)null : c).ToList();
            return new ItemAggregate(item.Id, Suppressed: false, Count: values.Count, Mean: Math.Round(values.Average(), 2), Distribution: shown);
        }).ToList();
        return new SurveyAggregate(survey.Id, respondents < MinimumCount ? null : respondents, items);
    }
}

// Respondents is null when suppressed. Distribution: count per scale value, null for a suppressed cell.
public sealed record SurveyAggregate(string SurveyId, int? Respondents, IReadOnlyList<ItemAggregate> Items);

public sealed record ItemAggregate(string ItemId, bool Suppressed, int? Count, double? Mean, IReadOnlyList<int?> Distribution);
