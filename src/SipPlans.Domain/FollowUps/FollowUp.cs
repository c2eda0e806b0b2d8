namespace Samverkan.SipPlans.Domain.FollowUps;

// One follow-up (uppföljning) of an agreed plan: how each intervention went, new goals.
public sealed record FollowUpRecord(
    DateOnly ScheduledFor,
    DateTimeOffset HeldAt,
    int OfVersion,
    IReadOnlyList<InterventionOutcome> Outcomes,
    IReadOnlyList<Goal> NewGoals,
    DateOnly? NextFollowUpDate)
{
    public override string ToString() => $"FollowUpRecord of version {OfVersion}";
}

// The outcome of one intervention of the version followed up. NotDone needs a reason.
public sealed record InterventionOutcome(string InterventionId, OutcomeStatus Status, string? Reason)
{
    public override string ToString() => $"InterventionOutcome {InterventionId} {Status}";
}

public enum OutcomeStatus
{
    Done,           // genomförd
    InProgress,     // pågår
    NotDone,        // ej genomförd (with a reason)
}
