namespace Samverkan.SipPlans.Domain.Plans;

// Förbered and Kalla/bjud in: participants, then the summons (kallelse) to the principals and the
// invitations (inbjudan) to the others.
public sealed partial class SipPlan
{
    public PreparationStarted StartPreparation(StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.StartPreparation, State);
        RequireConsentInForce(context);
        return Append(new PreparationStarted { Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor });
    }

    // A principal's unit is summoned only while the person's consent covers its organisation for
    // taking part; a relative is invited only when suitable and the person does not object.
    public ParticipantAdded AddParticipant(string participantId, ParticipantRole role, string? unitId, OtherActorKind? otherActor,
        string? name, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.AddParticipant, State);
        var id = TextInput.Id(participantId, "participant_id");
        if (_participants.Any(p => p.Id == id)) throw RuleViolation.Duplicate($"Participant {TextInput.EchoedId(id)} is already on the plan.");
        if (_participants.Count >= PlanLimits.MaxParticipants)
        {
            throw RuleViolation.Invalid("participant_id", $"A plan has at most {PlanLimits.MaxParticipants} participants.");
        }
        string? organisation = null;
        switch (role)
        {
            case ParticipantRole.Principal:
                var unit = context.Directory.FindUnit(unitId)
                    ?? throw RuleViolation.Invalid("unit", $"unit {TextInput.EchoedId(unitId ?? "")} is not in the unit directory.");
                organisation = unit.OrganisationCode;
                if (_participants.Any(p => p.UnitId == unit.Id)) throw RuleViolation.Duplicate($"Unit {unit.Id} already takes part in the plan.");
                RequireCoverage(organisation, ConsentPurpose.Participation, context.Now);
                otherActor = null;
                name = null;
                break;
            case ParticipantRole.OtherActor:
                if (otherActor is null) throw RuleViolation.Invalid("other_actor", "other_actor is required for an invited actor.");
                unitId = null;
                break;
            case ParticipantRole.Relative:
                if (Draft.Relatives is RelativesParticipation.DeclinedByPerson or RelativesParticipation.NotSuitable)
                {
                    throw RuleViolation.State($"Relatives do not take part in this plan (stated: {Draft.Relatives}); the person's wish is respected.",
                        new PreconditionSubject("RELATIVES", Draft.Relatives.ToString()));
                }
                unitId = null;
                otherActor = null;
                break;
            default:
                throw RuleViolation.Invalid("role", "role is not specified.");
        }

        return Append(new ParticipantAdded
        {
            Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor,
            Participant = new Participant(id, role, organisation, unitId, otherActor, TextInput.Optional(name, "name", PlanLimits.NameLength)),
        });
    }

    public ParticipantRemoved RemoveParticipant(string participantId, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.RemoveParticipant, State);
        if (_participants.All(p => p.Id != participantId))
        {
            throw RuleViolation.Invalid("participant_id", $"participant_id {TextInput.EchoedId(participantId)} names no participant of this plan.");
        }
        return Append(new ParticipantRemoved
        {
            Sequence = NextSequence, OccurredAt = context.Now, RecordedAt = context.Now, Actor = context.Actor, ParticipantId = participantId,
        });
    }

    // Kallelse/inbjudan to the SIP meeting. Every summoned principal must be covered by consent.
    // Meets a discharge case's 3-day invitation deadline. No place is ever sent for a person with
    // protected identity (the meeting place can locate them).
    public InvitationsSent SendInvitations(DateTimeOffset sentAt, DateTimeOffset meetingAt, bool digital, string? meetingPlace, StepContext context)
    {
        PlanTransitions.Ensure(PlanStep.SendInvitations, State);
        RequireConsentInForce(context);
        context.EnsurePlausiblePast(sentAt, CreatedAt - StepContext.FutureTolerance, "sent_at");
        if (meetingAt <= sentAt || meetingAt > context.Now + PlanLimits.MaxPlanningHorizon)
        {
            throw RuleViolation.Invalid("meeting_at", "meeting_at must be after sent_at and at most a year ahead.");
        }
        var place = TextInput.Optional(meetingPlace, "meeting_place", PlanLimits.NameLength);
        if (place is not null && Person.ProtectedIdentity)
        {
            throw RuleViolation.Invalid("meeting_place", "The person has protected identity: no meeting place may be recorded or sent; tell the participants outside the platform.");
        }
        if (!digital && place is null && !Person.ProtectedIdentity)
        {
            throw RuleViolation.Invalid("meeting_place", "meeting_place is required for a meeting that is not digital.");
        }
        var principals = _participants.Where(p => p.IsPrincipal).ToList();
        if (principals.Count == 0)
        {
            throw RuleViolation.State("No principal (municipality or region unit) is summoned yet; add participants first.",
                new PreconditionSubject("PARTICIPANTS", "PRINCIPAL"));
        }
        foreach (var organisation in principals.Select(p => p.OrganisationCode!).Distinct())
        {
            RequireCoverage(organisation, ConsentPurpose.Participation, sentAt);
        }

        return Append(new InvitationsSent
        {
            Sequence = NextSequence, OccurredAt = sentAt, RecordedAt = context.Now, Actor = context.Actor,
            MeetingAt = meetingAt, Digital = digital, MeetingPlace = place, ParticipantIds = _participants.Select(p => p.Id).ToList(),
        });
    }
}
