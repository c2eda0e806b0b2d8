namespace Samverkan.SipPlans.Domain.Content;

// The SIP meeting's record: the agenda of Mötescirkeln, the decisions reached with shared
// decision-making (delat beslutsfattande: alternatives compared, the person's view), who was there.
public sealed record MeetingRecord(
    DateTimeOffset HeldAt,
    bool Digital,
    bool IndividualPresent,
    IReadOnlyList<AgendaItem> AgendaCovered,
    IReadOnlyList<Decision> Decisions,
    string PersonsView)
{
    public override string ToString() => $"MeetingRecord ({Decisions.Count} decisions)";
}

// Mötescirkeln: the six parts of the SIP meeting, in order.
public enum AgendaItem
{
    Opening,                // inledning
    CurrentSituation,       // nuläge
    Needs,                  // behov
    GoalsAndInterventions,  // mål och insatser
    Summary,                // sammanfattning
    Closing,                // avslutning
}

// A decision and the alternatives that were compared before it.
public sealed record Decision(string Text, IReadOnlyList<string> AlternativesConsidered)
{
    public override string ToString() => $"Decision ({AlternativesConsidered.Count} alternatives)";
}
