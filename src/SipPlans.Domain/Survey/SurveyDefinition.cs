namespace Samverkan.SipPlans.Domain.Survey;

// The experience survey after a SIP meeting or follow-up (SIPkollen). Items and scale are
// configuration, not code: the county may change the questions and the scale at any time.
public sealed record SurveyDefinition(string Id, IReadOnlyList<SurveyItem> Items, SurveyScale Scale)
{
    public void Validate()
    {
        if (Items.Count == 0) throw new InvalidDataException($"Survey {Id} has no items.");
        if (Items.Select(i => i.Id).Distinct().Count() != Items.Count) throw new InvalidDataException($"Survey {Id} repeats an item id.");
        if (Scale.Min >= Scale.Max) throw new InvalidDataException($"Survey {Id}: the scale's minimum must be below its maximum.");
        if (Scale.Labels.Count != 0 && Scale.Labels.Count != Scale.Max - Scale.Min + 1)
        {
            throw new InvalidDataException($"Survey {Id}: the scale needs one label per value or none.");
        }
    }

    // The default items (SIPkollen): listened to, decided, clear who does what, plan followed.
    public static readonly SurveyDefinition Default = new("sipkollen-1",
    [
        new("listened-to", "Blev du lyssnad på?"),
        new("decided", "Fick du vara med och bestämma?"),
        new("who-does-what", "Blev det tydligt vem som gör vad?"),
        new("plan-followed", "Har planen följts vid uppföljningen?"),
    ], new SurveyScale(1, 4, ["Nej, inte alls", "Nej, inte helt", "Ja, till stor del", "Ja, helt"]));
}

public sealed record SurveyItem(string Id, string Text);

public sealed record SurveyScale(int Min, int Max, IReadOnlyList<string> Labels);

public enum SurveyOccasion
{
    Meeting,    // after the SIP meeting
    FollowUp,   // after a follow-up
}
