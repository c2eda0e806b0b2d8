namespace Samverkan.SipPlans.Domain.Survey;

// One anonymous answer. It carries no plan id, no person and no time finer than the month: the
// answers are only ever read as aggregates. Organisation = the municipality or region it counts for.
public sealed record SurveyResponse(string SurveyId, SurveyOccasion Occasion, string OrganisationCode, int Year, int Month,
    IReadOnlyDictionary<string, int> Answers)
{
    // Checks the answers against the definition: known items, values on the scale, at least one.
    public static SurveyResponse Create(SurveyDefinition survey, SurveyOccasion occasion, string organisationCode, DateOnly answeredOn,
        IReadOnlyDictionary<string, int> answers)
    {
        if (answers.Count == 0) throw RuleViolation.Invalid("answers", "answers must contain at least one answer.");
        foreach (var (item, value) in answers)
        {
            if (survey.Items.All(i => i.Id != item))
            {
                throw RuleViolation.Invalid("answers", $"answers names item {Samverkan.SharedKernel.Text.EchoedInput.Quote(item)}, which survey {survey.Id} does not have.");
            }
            if (value < survey.Scale.Min || value > survey.Scale.Max)
            {
                throw RuleViolation.Invalid("answers", $"The answer to {item} must be on the scale {survey.Scale.Min}..{survey.Scale.Max}.");
            }
        }
        return new SurveyResponse(survey.Id, occasion, organisationCode, answeredOn.Year, answeredOn.Month, answers);
    }
}
