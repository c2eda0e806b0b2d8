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
    // Every unit that ever sent or received for this case, with its organisation.
    private readonly Dictionary<string, string> _unitOrganisations = [];
    private readonly Dictionary<string, PlanningStepRecorded> _planningSteps = [];
    private AdmissionNoticeSent? _admission;

    private DischargeCase(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<CaseEvent> Events => _events;

    public AdmissionNoticeSent Admission => _admission ?? throw new InvalidOperationException("The case has no admission notice.");

    public Patient Patient => Admission.Patient;

    public string ResidenceMunicipality => Admission.ResidenceMunicipality;

    // The inpatient unit that sends the notices now (changes when the patient moves to another unit).
    public string SendingUnitId { get; private set; } = "";

    public string SendingOrganisation => Admission.SendingOrganisation;

    // The receiving units now (changes when the needs change).
    public IReadOnlyList<RecipientUnit> Recipients { get; private set; } = [];

    public IReadOnlyList<CareNeed> Needs { get; private set; } = [];

    public DateTimeOffset AdmittedAt => Admission.OccurredAt;

    public DateOnly EstimatedDischargeDate { get; private set; }

    public CaseStatus Status { get; private set; }

    // The readiness notice in force; null when not (or no longer) ready.
    public ReadinessNotified? ReadinessInForce { get; private set; }

    public PatientDischarged? Discharge { get; private set; }

    // How the stay ended when it was not a planned discharge.
    public StayEnded? StayEnd { get; private set; }

    // The event that closed the case (discharge or another end of the stay); null while open.
    public NoticeEvent? EndOfStay => (NoticeEvent?)Discharge ?? StayEnd;

    public FixedCareContact? FixedCareContact { get; private set; }

    // The latest time on the sender's clinical timeline (admission, readiness, withdrawal,
    // discharge): a later step stated earlier than this is out of order.
    public DateTimeOffset LatestClinicalAt { get; private set; }

    public bool IsOpen => Status is CaseStatus.Admitted or CaseStatus.ReadyForDischarge;

    // Payment responsibility and the SIP duty concern the municipality only when it must act.
    public bool NeedsMunicipality => Needs.Contains(CareNeed.SocialServices) || Needs.Contains(CareNeed.MunicipalHealthCare);

    // When a municipal unit was first told of the stay (the admission notice, or the needs change
    // that added it): the municipality cannot be responsible for days before it knew.
    public DateTimeOffset? MunicipalityToldAt { get; private set; }

    // Both principals needed after discharge: the readiness notice starts the 3-day SIP deadline.
    public bool NeedsRegionAndMunicipality => NeedsMunicipality && OutpatientRecipients.Any();

    public IEnumerable<RecipientUnit> OutpatientRecipients => Recipients.Where(r => r.Kind == RecipientKind.OutpatientCare);

    // Every unit that took part (also earlier sending units and removed recipients): they may read
    // the case they were told about and acknowledge the notices addressed to them.
    public IEnumerable<string> ParticipatingUnits => _unitOrganisations.Keys;

    public IEnumerable<string> ParticipatingOrganisations => _unitOrganisations.Values.Distinct();

    // The units taking part now: the sending unit and the recipients (open-case lists, new notices).
    public IEnumerable<string> CurrentUnits => Recipients.Select(r => r.UnitId).Prepend(SendingUnitId).Distinct();

    public string OrganisationOf(string unitId) =>
        _unitOrganisations.TryGetValue(unitId, out var organisation)
            ? organisation
            : throw new InvalidOperationException($"Unit {unitId} takes no part in case {Id}.");

    public PlanningStepRecorded? PlanningStepOf(string unitId) => _planningSteps.GetValueOrDefault(unitId);

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

    private void SetRecipients(IReadOnlyList<CareNeed> needs, IReadOnlyList<RecipientUnit> recipients, NoticeEvent notice)
    {
        Needs = needs;
        Recipients = recipients;
        foreach (var recipient in recipients) _unitOrganisations.TryAdd(recipient.UnitId, recipient.OrganisationCode);
        if (MunicipalityToldAt is null && recipients.Any(r => r.Kind is RecipientKind.SocialServices or RecipientKind.MunicipalHealthCare))
        {
            MunicipalityToldAt = notice.SentAt;
        }
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
                SendingUnitId = admission.SendingUnitId;
                _unitOrganisations[admission.SendingUnitId] = admission.SendingOrganisation;
                SetRecipients(admission.Needs, admission.Recipients, admission);
                EstimatedDischargeDate = admission.EstimatedDischargeDate;
                Status = CaseStatus.Admitted;
                LatestClinicalAt = admission.OccurredAt;
                _consent.Grant(admission.Consent);
                break;
            case NeedsChanged changed:
                SetRecipients(changed.Needs, changed.Recipients, changed);
                break;
            case InpatientUnitChanged moved:
                SendingUnitId = moved.NewUnitId;
                _unitOrganisations.TryAdd(moved.NewUnitId, SendingOrganisation);
                LatestClinicalAt = moved.OccurredAt;
                break;
            case StayEnded ended:
                StayEnd = ended;
                ReadinessInForce = null;
                Status = CaseStatus.StayEnded;
                LatestClinicalAt = ended.OccurredAt;
                break;
            case PlanningStepRecorded step:
                _planningSteps[step.UnitId] = step;
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
