namespace Samverkan.DischargeNotices.Domain.Deadlines;

// One deadline of a case as it stands at a given moment. (Kind, StartedBySequence) identifies it.
public sealed record DeadlineStatus(
    DeadlineKind Kind,
    DeadlineState State,
    DateTimeOffset? DueAt,
    DateTimeOffset? MetAt,
    string ResponsibleOrganisation,
    string? ResponsibleUnit,
    int StartedBySequence)
{
    public bool IsMissed => State is DeadlineState.Overdue or DeadlineState.MetLate;

    // Waiting for its due time: what the deadline monitor watches.
    public bool IsRunning => State == DeadlineState.Pending && DueAt is not null;
}
