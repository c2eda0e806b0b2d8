namespace Samverkan.SipPlans.Domain.Content;

// Every input is bounded (documented in the contract, sip_plans.proto).
public static class PlanLimits
{
    public const int IdLength = 64;               // caller-chosen item ids (intervention, goal, ...)
    public const int NameLength = 200;            // names, titles
    public const int PhoneLength = 40;
    public const int ShortTextLength = 1_000;     // a goal, an intervention, a measure, a decision, an alternative
    public const int LongTextLength = 8_000;      // what matters, assessments, the person's view, need description
    public const int MaxItems = 50;               // interventions, measures, goals, contact persons, decisions, outcomes
    public const int MaxAlternatives = 10;        // per decision
    public const int MaxParticipants = 40;
    public const int MaxOrganisationsPerConsent = 16; // every principal of the platform
    // A meeting or follow-up date more than this far ahead is a typing error.
    public static readonly TimeSpan MaxPlanningHorizon = TimeSpan.FromDays(366);
    // Recorded facts (consent, meetings, follow-ups) older than this are a typing error.
    public static readonly TimeSpan MaxPastRecord = TimeSpan.FromDays(366);
    public const int MaxFollowUpDaysAhead = 731;  // two years
}
