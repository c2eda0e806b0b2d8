using Samverkan.SipPlans.Domain.Survey;

namespace Samverkan.SipPlans.Application.Survey;

// Section "Sip:Survey": the experience survey's items and scale (configuration, not code) and the
// smallest count shown in aggregates.
public sealed class SurveyOptions
{
    public const string SectionName = "Sip:Survey";

    public string Id { get; set; } = SurveyDefinition.Default.Id;

    public List<SurveyItem> Items { get; set; } = [];

    public int ScaleMin { get; set; } = SurveyDefinition.Default.Scale.Min;

    public int ScaleMax { get; set; } = SurveyDefinition.Default.Scale.Max;

    public List<string> ScaleLabels { get; set; } = [];

    public int MinimumCount { get; set; } = SurveyAggregator.DefaultMinimumCount;

    // The configured survey, or the default SIPkollen items when none are configured.
    public SurveyDefinition Definition()
    {
        var definition = Items.Count == 0
            ? SurveyDefinition.Default
            : new SurveyDefinition(Id, Items, new SurveyScale(ScaleMin, ScaleMax, ScaleLabels));
        definition.Validate();
        return definition;
    }
}
