namespace Samverkan.SipPlans.Domain.Plans;

// One SIP (samordnad individuell plan), from the discovered need to the closed plan. The plan is its
// event history: every property below is folded from the events in order, and every step
// (SipPlan.Steps.cs) checks the state, the consent and the input, then appends new events.
// Nothing is overwritten: every agreed version and the whole history stay readable.
public sealed partial class SipPlan
{
    private readonly List<PlanEvent> _events = [];
    private readonly ConsentRegister _consent = new();
    private readonly List<Participant> _participants = [];
    private readonly List<PlanVersion> _versions = [];
    private readonly List<FollowUpRecord> _followUps = [];
    private readonly SortedSet<DateOnly> _scheduledFollowUps = [];
    private PlanInitiated? _initiated;

    private SipPlan(string id) => Id = id;

    public string Id { get; }

    public IReadOnlyList<PlanEvent> Events => _events;

    // The plan's version for optimistic concurrency: the sequence of its latest event.
    public int Revision => _events.Count;

    public PlanInitiated Initiation => _initiated ?? throw new InvalidOperationException("The plan has no PlanInitiated event.");

    public PlanPerson Person => Initiation.Person;

    public string InitiatingUnit => Initiation.InitiatingUnit;

    public string InitiatingOrganisation => Initiation.Actor.OrganisationCode;

    public PlanState State { get; private set; }

    public ClosureReason? ClosedBecause { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public ConsentRegister Consent => _consent;

    public IReadOnlyList<Participant> Participants => _participants;

    // The working copy edited between agreements.
    public PlanContent Draft { get; private set; } = PlanContent.Empty;

    public MeetingRecord? LatestMeeting { get; private set; }

    public InvitationsSent? LatestInvitations { get; private set; }

    public IReadOnlyList<PlanVersion> Versions => _versions;

    public PlanVersion? CurrentVersion => _versions.LastOrDefault();

    public IReadOnlyList<FollowUpRecord> FollowUps => _followUps;

    public IReadOnlyCollection<DateOnly> ScheduledFollowUps => _scheduledFollowUps;

    // The discharge case's 3-day invitation deadline, while one is running or was met.
    public InvitationDeadline? InvitationDeadline { get; private set; }

    public bool IsOpen => State != PlanState.Closed;

    public DateTimeOffset CreatedAt => Initiation.RecordedAt;

    // Organisations that take part as principals (kallade).
    public IReadOnlyList<string> PrincipalOrganisations =>
        _participants.Where(p => p.IsPrincipal).Select(p => p.OrganisationCode!).Distinct().ToList();

    // The organisation answering for the plan: the overall responsible principal once agreed,
    // before that the initiator (or, for a discharge plan, the fixed care contact's organisation).
    public string ResponsibleOrganisation => CurrentVersion?.Content.OverallResponsibleOrganisation ?? InitiatingOrganisation;

    public PlanEvent? EventAt(int sequence) => sequence >= 1 && sequence <= _events.Count ? _events[sequence - 1] : null;

    public PlanVersion? VersionNumbered(int number) => number >= 1 && number <= _versions.Count ? _versions[number - 1] : null;

    // Rebuilds a plan from its stored history.
    public static SipPlan Rehydrate(string id, IEnumerable<PlanEvent> history)
    {
        var plan = new SipPlan(id);
        foreach (var @event in history) plan.Apply(@event);
        if (plan._initiated is null) throw new InvalidDataException($"Plan {id} has no PlanInitiated event.");
        return plan;
    }

    private int NextSequence => _events.Count + 1;

    private T Append<T>(T @event) where T : PlanEvent
    {
        Apply(@event);
        return @event;
    }

    private void Apply(PlanEvent @event)
    {
        if (@event.Sequence != _events.Count + 1)
        {
            throw new InvalidDataException($"Plan {Id}: event {@event.Sequence} follows event {_events.Count}.");
        }
        if (_events.Count == 0 != @event is PlanInitiated)
        {
            throw new InvalidDataException($"Plan {Id}: PlanInitiated must be the first event and only the first.");
        }

        switch (@event)
        {
            case PlanInitiated initiated:
                _initiated = initiated;
                State = PlanState.NeedIdentified;
                break;
            case InvitationDeadlineStarted started:
                InvitationDeadline = new InvitationDeadline(started.DischargeCaseId, started.ReadinessSequence, started.DueAt,
                    started.ResponsibleUnit, started.ResponsibleOrganisation, null, false);
                if (State is PlanState.NeedIdentified or PlanState.ConsentRecorded or PlanState.Preparing) State = PlanState.InvitationDue;
                break;
            case InvitationDeadlineCancelled:
                InvitationDeadline = InvitationDeadline! with { Cancelled = true };
                if (State == PlanState.InvitationDue) State = _consent.HasAny ? PlanState.ConsentRecorded : PlanState.NeedIdentified;
                break;
            case ConsentRecorded recorded:
                _consent.Grant(recorded.Grant);
                if (State == PlanState.NeedIdentified) State = PlanState.ConsentRecorded;
                break;
            case ConsentWithdrawn withdrawn:
                _consent.Withdraw(withdrawn.GrantId, withdrawn.Organisations, withdrawn.OccurredAt);
                break;
            case PreparationStarted:
                State = PlanState.Preparing;
                break;
            case ParticipantAdded added:
                _participants.Add(added.Participant);
                break;
            case ParticipantRemoved removed:
                _participants.RemoveAll(p => p.Id == removed.ParticipantId);
                break;
            case InvitationsSent invitations:
                LatestInvitations = invitations;
                if (InvitationDeadline is { Cancelled: false, MetAt: null } deadline)
                {
                    InvitationDeadline = deadline with { MetAt = invitations.OccurredAt };
                }
                State = PlanState.InvitationsSent;
                break;
            case ContentUpdated updated:
                Draft = updated.Content;
                break;
            case MeetingRecorded meeting:
                LatestMeeting = meeting.Meeting;
                State = PlanState.MeetingHeld;
                break;
            case PlanAgreed agreed:
                _versions.Add(new PlanVersion(agreed.VersionNumber, agreed.OccurredAt, Draft, LatestMeeting, _participants.ToList(), agreed.Actor));
                if (Draft.FollowUpDate is { } followUp) _scheduledFollowUps.Add(followUp);
                if (State != PlanState.FollowingUp) State = PlanState.Agreed;
                break;
            case VersionSigned signed:
                VersionNumbered(signed.VersionNumber)!.AddSignature(new Signature(signed.Signatory, signed.OccurredAt, signed.Actor));
                break;
            case FollowUpScheduled scheduled:
                _scheduledFollowUps.Add(scheduled.Date);
                break;
            case FollowUpRecorded recorded:
                _followUps.Add(recorded.FollowUp);
                _scheduledFollowUps.Remove(recorded.FollowUp.ScheduledFor);
                if (recorded.FollowUp.NextFollowUpDate is { } next) _scheduledFollowUps.Add(next);
                if (recorded.FollowUp.NewGoals.Count > 0) Draft = Draft with { Goals = [.. Draft.Goals, .. recorded.FollowUp.NewGoals] };
                State = PlanState.FollowingUp;
                break;
            case PlanClosed closed:
                State = PlanState.Closed;
                ClosedBecause = closed.Reason;
                ClosedAt = closed.OccurredAt;
                _scheduledFollowUps.Clear();
                if (InvitationDeadline is { MetAt: null, Cancelled: false } open) InvitationDeadline = open with { Cancelled = true };
                break;
            default:
                throw new InvalidDataException($"Plan {Id}: unknown event type {@event.GetType().Name}.");
        }
        _events.Add(@event);
    }
}
