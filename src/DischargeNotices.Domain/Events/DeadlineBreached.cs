namespace Samverkan.DischargeNotices.Domain.Events;

// Recorded by the service the first time it finds a deadline missed (overdue, or met late).
// The basis of deviation reports and of the breach metric, each counted exactly once.
public sealed record DeadlineBreached : CaseEvent
{
    public required DeadlineKind Kind { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required int StartedBySequence { get; init; }
    public required string ResponsibleOrganisation { get; init; }
    public string? ResponsibleUnit { get; init; }
}
