namespace Samverkan.DischargeNotices.Domain.Cases;

// One inpatient stay from the admission notice to the discharge (Lag 2017:612). The case is its
// event history: every property below is derived by folding the events in order, and every step
// (DischargeCase.Steps.cs) validates against that state and appends new events. Nothing is
// overwritten, so the history can always be re-read under other rules (deadlines, payment).
public sealed partial class DischargeCase
{
    // Lag (2017:612) came into force on 1 January 2018; an earlier admission is a typing error.
    public static readonly DateTimeOffset LawInForceFrom = new(2018, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    private readonly List<CaseEvent> _events = [];
    private readonly ConsentState _consent = new();
    private readonly Dictionary<(int Notice, string Unit), NoticeAcknowledged> _acknowledgements = [];
    private readonly HashSet<(DeadlineKind Kind, int StartedBy)> _recordedBreaches = [];
    private AdmissionNoticeSent? _admission;

    private DischargeCase(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public AdmissionNoticeSent Admission => _admission ?? throw new InvalidOperationException("The case has no admission notice.");

    public Patient Patient => Admission.Patient;

    public string ResidenceMunicipality => Admission.ResidenceMunicipality;

    public string SendingUnitId => Admission.SendingUnitId;

    public string SendingOrganisation => Admission.SendingOrganisation;

    public IReadOnlyList<RecipientUnit> Recipients => Admission.Recipients;

    public DateTimeOffset AdmittedAt => Admission.OccurredAt;

    public DateOnly EstimatedDischargeDate { get; private set; }

    public CaseStatus Status { get; private set; }

    // The readiness notice in force; null when not (or no longer) ready.
    public ReadinessNotified? ReadinessInForce { get; private set; }

    public PatientDischarged? Discharge { get; private set; }

    public FixedCareContact? FixedCareContact { get; private set; }

    // The latest time on the sender's clinical timeline (admission, readiness, withdrawal,
    // discharge): a later step stated earlier than this is out of order.
    public DateTimeOffset LatestClinicalAt { get; private set; }

    public bool IsOpen => Status != CaseStatus.Discharged;

    // Payment responsibility and the SIP duty concern the municipality only when it must act.
    public bool NeedsMunicipality =>
        Admission.Needs.Contains(CareNeed.SocialServices) || Admission.Needs.Contains(CareNeed.MunicipalHealthCare);

    // Both principals needed after discharge: the readiness notice starts the 3-day SIP deadline.
    public bool NeedsRegionAndMunicipality => NeedsMunicipality && OutpatientRecipients.Any();

    public IEnumerable<RecipientUnit> OutpatientRecipients => Recipients.Where(r => r.Kind == RecipientKind.OutpatientCare);

    public IEnumerable<string> ParticipatingUnits => Recipients.Select(r => r.UnitId).Prepend(SendingUnitId).Distinct();

    public IEnumerable<string> ParticipatingOrganisations =>
        Recipients.Select(r => r.OrganisationCode).Prepend(SendingOrganisation).Distinct();

    public IEnumerable<NoticeEvent> Notices => _events.OfType<NoticeEvent>();

    public IEnumerable<DeadlineBreached> RecordedBreaches => _events.OfType<DeadlineBreached>();

    public bool HasConsent(ConsentScope scope, DateTimeOffset at) => _consent.Covers(scope, at);

    public IReadOnlyList<ConsentScope> ConsentScopesInForce(DateTimeOffset at) => _consent.ScopesInForce(at);

    public NoticeAcknowledged? AcknowledgementOf(int noticeSequence, string unitId) =>
        _acknowledgements.GetValueOrDefault((noticeSequence, unitId));

    public CaseEvent? EventAt(int sequence) =>
        sequence >= 1 && sequence <= _events.Count ? _events[sequence - 1] : null;

    // Rebuilds a case from its stored history.
    public static DischargeCase Rehydrate(string id, IEnumerable<CaseEvent> history)
    {
        var @case = new DischargeCase(id);
        foreach (var @event in history) @case.Apply(@event);
        if (@case._admission is null)
        {
            throw new InvalidDataException($"Case {id} has no admission notice as its first event.");
        }
        return @case;
    }

    private T Append<T>(T @event) where T : CaseEvent
    {
        Apply(@event);
        return @event;
    }

    private int NextSequence => _events.Count + 1;

    private void Apply(CaseEvent @event)
    {
        if (@event.Sequence != _events.Count + 1)
        {
            throw new InvalidDataException($"Case {Id}: event {@event.Sequence} follows event {_events.Count}.");
        }
        if (_events.Count == 0 && @event is not AdmissionNoticeSent)
        {
            throw new InvalidDataException($"Case {Id}: the first event must be the admission notice.");
        }

        switch (@event)
        {
            case AdmissionNoticeSent admission:
                _admission = admission;
                EstimatedDischargeDate = admission.EstimatedDischargeDate;
                Status = CaseStatus.Admitted;
                LatestClinicalAt = admission.OccurredAt;
                _consent.Grant(admission.Consent);
                break;
            case EstimatedDischargeDateChanged changed:
                EstimatedDischargeDate = changed.EstimatedDischargeDate;
                break;
            case ConsentRecorded recorded:
                _consent.Grant(recorded.Consent);
                break;
            case ConsentWithdrawn withdrawn:
                _consent.Withdraw(withdrawn.Scopes);
                break;
            case FixedCareContactAppointed appointed:
                FixedCareContact = appointed.Contact;
                break;
            case ReadinessNotified readiness:
                ReadinessInForce = readiness;
                Status = CaseStatus.ReadyForDischarge;
                LatestClinicalAt = readiness.OccurredAt;
                break;
            case ReadinessWithdrawn withdrawal:
                ReadinessInForce = null;
                Status = CaseStatus.Admitted;
                LatestClinicalAt = withdrawal.OccurredAt;
                break;
            case PatientDischarged discharge:
                Discharge = discharge;
                Status = CaseStatus.Discharged;
                LatestClinicalAt = discharge.OccurredAt;
                break;
            case NoticeAcknowledged acknowledged:
                _acknowledgements.TryAdd((acknowledged.NoticeSequence, acknowledged.UnitId), acknowledged);
                break;
            case DeadlineBreached breach:
                _recordedBreaches.Add((breach.Kind, breach.StartedBySequence));
                break;
            case InformationTransferred or SipInvitationRecorded:
                break;
            default:
                throw new InvalidDataException($"Case {Id}: unknown event type {@event.GetType().Name}.");
        }
        _events.Add(@event);
    }
}
