using System.Text.Json.Serialization;

namespace Samverkan.SipPlans.Domain.Events;

// One time-stamped fact of a plan. Events are appended, never changed; the plan's state is folded
// from them, so every version and the whole history stay readable. The discriminators below are
// the persisted format: never rename one.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlanInitiated), "plan-initiated")]
[JsonDerivedType(typeof(InvitationDeadlineStarted), "invitation-deadline-started")]
[JsonDerivedType(typeof(InvitationDeadlineCancelled), "invitation-deadline-cancelled")]
[JsonDerivedType(typeof(ConsentRecorded), "consent-recorded")]
[JsonDerivedType(typeof(ConsentWithdrawn), "consent-withdrawn")]
[JsonDerivedType(typeof(PreparationStarted), "preparation-started")]
[JsonDerivedType(typeof(ParticipantAdded), "participant-added")]
[JsonDerivedType(typeof(ParticipantRemoved), "participant-removed")]
[JsonDerivedType(typeof(InvitationsSent), "invitations-sent")]
[JsonDerivedType(typeof(ContentUpdated), "content-updated")]
[JsonDerivedType(typeof(MeetingRecorded), "meeting-recorded")]
[JsonDerivedType(typeof(PlanAgreed), "plan-agreed")]
[JsonDerivedType(typeof(VersionSigned), "version-signed")]
[JsonDerivedType(typeof(FollowUpScheduled), "follow-up-scheduled")]
[JsonDerivedType(typeof(FollowUpRecorded), "follow-up-recorded")]
[JsonDerivedType(typeof(PlanClosed), "plan-closed")]
public abstract record PlanEvent
{
    // 1, 2, 3, ... in the plan; 1 is PlanInitiated. Also the plan's version for optimistic concurrency.
    public required int Sequence { get; init; }

    // When it happened according to the caller (consent given, meeting held, ...).
    public required DateTimeOffset OccurredAt { get; init; }

    // When the service recorded it.
    public required DateTimeOffset RecordedAt { get; init; }

    public required Actor Actor { get; init; }

    // Events carry personal data and free text: never let a record's generated ToString print them.
    public sealed override string ToString() => $"{GetType().Name} #{Sequence}";
}

// Upptäck behov: the need was discovered and the plan started.
public sealed record PlanInitiated : PlanEvent
{
    public required PlanPerson Person { get; init; }
    public required InitiatorKind Initiator { get; init; }
    public required string InitiatingUnit { get; init; }
    public ProposerKind ProposedBy { get; init; }
    public string? NeedDescription { get; init; }
    // Set when the plan was opened by the service from a discharge case (Lag 2017:612).
    public string? DischargeCaseId { get; init; }
}

// The discharge service's 3-day SIP invitation deadline runs for this plan.
public sealed record InvitationDeadlineStarted : PlanEvent
{
    public required string DischargeCaseId { get; init; }
    public required int ReadinessSequence { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    // The outpatient unit of the fixed care contact (fast vårdkontakt) that must invite.
    public required string ResponsibleUnit { get; init; }
    public required string ResponsibleOrganisation { get; init; }
    public IReadOnlyList<string> MunicipalUnits { get; init; } = [];
}

// The readiness notice behind the deadline was withdrawn: the deadline no longer runs.
public sealed record InvitationDeadlineCancelled : PlanEvent
{
    public required int ReadinessSequence { get; init; }
}

public sealed record ConsentRecorded : PlanEvent
{
    public required ConsentGrant Grant { get; init; }
}

// The person withdrew a consent for some (or all) of its organisations, from OccurredAt on.
public sealed record ConsentWithdrawn : PlanEvent
{
    public required string GrantId { get; init; }
    public required IReadOnlyList<string> Organisations { get; init; }
}

public sealed record PreparationStarted : PlanEvent;

public sealed record ParticipantAdded : PlanEvent
{
    public required Participant Participant { get; init; }
}

public sealed record ParticipantRemoved : PlanEvent
{
    public required string ParticipantId { get; init; }
}

// Kallelser and inbjudningar went out. OccurredAt: when they were sent (meets a discharge deadline).
// Never carries an address or location for a person with protected identity.
public sealed record InvitationsSent : PlanEvent
{
    public required DateTimeOffset MeetingAt { get; init; }
    public bool Digital { get; init; }
    public string? MeetingPlace { get; init; }
    public IReadOnlyList<string> ParticipantIds { get; init; } = [];
}

public sealed record ContentUpdated : PlanEvent
{
    public required PlanContent Content { get; init; }
}

public sealed record MeetingRecorded : PlanEvent
{
    public required MeetingRecord Meeting { get; init; }
}

// The draft, the latest meeting record and the participants were agreed as version VersionNumber.
public sealed record PlanAgreed : PlanEvent
{
    public required int VersionNumber { get; init; }
}

public sealed record VersionSigned : PlanEvent
{
    public required int VersionNumber { get; init; }
    public required Signatory Signatory { get; init; }
}

public sealed record FollowUpScheduled : PlanEvent
{
    public required DateOnly Date { get; init; }
}

public sealed record FollowUpRecorded : PlanEvent
{
    public required FollowUpRecord FollowUp { get; init; }
}

public sealed record PlanClosed : PlanEvent
{
    public required ClosureReason Reason { get; init; }
}
