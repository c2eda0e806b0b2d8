using System.Text.Json.Serialization;

namespace Samverkan.DischargeNotices.Domain.Events;

// One time-stamped fact of a case. Events are appended, never changed; the case's state is derived
// from them. The discriminators below are the persisted format: never rename one.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AdmissionNoticeSent), "admission-notice-sent")]
[JsonDerivedType(typeof(EstimatedDischargeDateChanged), "estimated-discharge-date-changed")]
[JsonDerivedType(typeof(ConsentRecorded), "consent-recorded")]
[JsonDerivedType(typeof(ConsentWithdrawn), "consent-withdrawn")]
[JsonDerivedType(typeof(FixedCareContactAppointed), "fixed-care-contact-appointed")]
[JsonDerivedType(typeof(ReadinessNotified), "readiness-notified")]
[JsonDerivedType(typeof(ReadinessWithdrawn), "readiness-withdrawn")]
[JsonDerivedType(typeof(InformationTransferred), "information-transferred")]
[JsonDerivedType(typeof(SipInvitationRecorded), "sip-invitation-recorded")]
[JsonDerivedType(typeof(PatientDischarged), "patient-discharged")]
[JsonDerivedType(typeof(NoticeAcknowledged), "notice-acknowledged")]
[JsonDerivedType(typeof(DeadlineBreached), "deadline-breached")]
[JsonDerivedType(typeof(StayEnded), "stay-ended")]
[JsonDerivedType(typeof(InpatientUnitChanged), "inpatient-unit-changed")]
[JsonDerivedType(typeof(NeedsChanged), "needs-changed")]
[JsonDerivedType(typeof(PlanningStepRecorded), "planning-step-recorded")]
public abstract record CaseEvent
{
    // 1, 2, 3, ... in the case; 1 is the admission notice.
    public required int Sequence { get; init; }

    // When it happened according to the sender (admission, judgement, discharge, ...).
    public required DateTimeOffset OccurredAt { get; init; }

    // When the service recorded it; for a notice, when it was sent to the recipients.
    public required DateTimeOffset RecordedAt { get; init; }

    public required Actor Actor { get; init; }

    // Events carry personal data and free text: never let a record's generated ToString print them.
    public sealed override string ToString() => $"{GetType().Name} #{Sequence}";
}
