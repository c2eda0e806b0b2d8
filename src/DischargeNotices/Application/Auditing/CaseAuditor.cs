using Samverkan.AccessLogging;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.DischargeNotices.Application.Auditing;

// Access records for discharge cases (PDL 4 kap. 3 §): who, which unit and organisation, which
// person (pseudonymous), what and why. Changes record in their own unit of work; reads commit their
// records before the data leaves the service.
public sealed class CaseAuditor(AccessRecorder recorder)
{
    // Purposes: a fixed vocabulary, never free text.
    public const string DischargePlanning = "discharge-planning";
    public const string PaymentResponsibility = "payment-responsibility";
    public const string DeviationFollowUp = "deviation-follow-up";
    public const string DeadlineMonitoring = "deadline-monitoring";
    // An admission notice refused because the person already has an open case: the caller learnt that.
    public const string AdmissionDuplicateCheck = "admission-duplicate-check";
    // A notice given by telephone during an outage and recorded afterwards, by reason.
    public static string TelephoneNotice(TelephoneNoticeReason reason) => reason switch
    {
        TelephoneNoticeReason.PlatformUnavailable => "discharge-planning-telephone-notice-platform-unavailable",
        TelephoneNoticeReason.SenderSystemUnavailable => "discharge-planning-telephone-notice-sender-system-unavailable",
        TelephoneNoticeReason.NetworkUnavailable => "discharge-planning-telephone-notice-network-unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    // The purpose of recording these events: a telephone notice among them says so.
    public static string PurposeOf(IEnumerable<CaseEvent> newEvents) =>
        newEvents.OfType<NoticeEvent>().FirstOrDefault(n => n.Telephone is not null)?.Telephone is { } call
            ? TelephoneNotice(call.Reason)
            : DischargePlanning;

    // The case is owned by its sending (inpatient) unit; recipients' reads are disclosures to them.
    public AccessRecord Record(CallerIdentity caller, AccessAction action, DischargeCase @case, string purpose = DischargePlanning)
    {
        var record = recorder.Create(caller, action, @case.Patient.PersonalIdentityNumber.Value, @case.Patient.ProtectedIdentity, purpose, Resource(@case.Id));
        record.ResourceOrganisationCode = @case.SendingOrganisation;
        record.ResourceUnitId = @case.SendingUnitId;
        return record;
    }

    // A search by personnummer is an access to that person even when it finds nothing.
    public AccessRecord PatientSearch(CallerIdentity caller, string personalIdentityNumber) =>
        recorder.Create(caller, AccessAction.Read, personalIdentityNumber, false, DischargePlanning, "discharge-patient-search");

    public Task RecordReadsAsync(CallerIdentity caller, IEnumerable<DischargeCase> cases, CancellationToken cancellationToken,
        AccessAction action = AccessAction.Read, string purpose = DischargePlanning) =>
        recorder.RecordReadsAsync(cases.DistinctBy(c => c.Id).Select(c => Record(caller, action, c, purpose)).ToList(), cancellationToken);

    public Task RecordAsync(IReadOnlyCollection<AccessRecord> records, CancellationToken cancellationToken) =>
        recorder.RecordReadsAsync(records, cancellationToken);

    public static string Resource(string caseId) => $"discharge-case/{caseId}";
}
