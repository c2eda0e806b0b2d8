namespace Samverkan.SipPlans.Domain.Plans;

// How a plan starts: a unit discovers the need (Upptäck behov), or the discharge service's
// readiness notice starts the 3-day invitation deadline for the fixed care contact's unit.
public sealed partial class SipPlan
{
    // Upptäck behov: any municipal or region unit; the school only for a child.
    public static SipPlan Initiate(string id, PlanPerson person, InitiatorKind initiator, ProposerKind proposedBy,
        string? needDescription, StepContext context)
    {
        var unit = context.Directory.FindUnit(context.Actor.UnitId)
            ?? throw RuleViolation.Invalid("acting_unit", "The initiating unit is not in the unit directory; name your unit in acting_unit.");
        var organisation = context.Directory.FindOrganisation(unit.OrganisationCode)!;
        var expected = initiator switch
        {
            InitiatorKind.MunicipalUnit or InitiatorKind.School => PrincipalKind.Municipality,
            InitiatorKind.RegionUnit => PrincipalKind.Region,
            _ => throw RuleViolation.Invalid("initiator", "initiator is not specified."),
        };
        if (organisation.Kind != expected)
        {
            throw RuleViolation.Invalid("initiator", $"A {initiator} initiator must act for a unit of a {expected}; unit {unit.Id} belongs to {organisation.Kind.ToString().ToLowerInvariant()} {organisation.Code}.");
        }
        if (initiator == InitiatorKind.School && !person.IsChildOn(context.Today))
        {
            throw RuleViolation.State($"The school initiates a SIP only for a child (under {PlanPerson.AdultAge}); the person is an adult.",
                new PreconditionSubject("INITIATOR", "SCHOOL"));
        }

        var plan = new SipPlan(id);
        plan.Append(new PlanInitiated
        {
            Sequence = 1,
            OccurredAt = context.Now,
            RecordedAt = context.Now,
            Actor = context.Actor with { OrganisationCode = organisation.Code },
            Person = ValidPerson(person),
            Initiator = initiator,
            InitiatingUnit = unit.Id,
            ProposedBy = proposedBy,
            NeedDescription = TextInput.Optional(needDescription, "need_description", PlanLimits.LongTextLength),
        });
        return plan;
    }

    // From discharge (Lag 2017:612): the fixed care contact's outpatient unit must invite within
    // 3 days; the municipal recipient units are summoned. A SIP consent given in the discharge case
    // covers the region and the municipality for taking part and sharing the plan.
    public static SipPlan OpenFromDischarge(string id, PlanPerson person, DischargeDeadline deadline, StepContext context)
    {
        var outpatient = context.Directory.FindUnit(deadline.OutpatientUnit)
            ?? throw RuleViolation.Invalid("outpatient_unit", "The discharge event names an outpatient unit that is not in the unit directory.");
        var actor = new Actor(outpatient.OrganisationCode, outpatient.Id, System: true);
        var municipalUnits = deadline.MunicipalUnits.Select(u => context.Directory.FindUnit(u)
            ?? throw RuleViolation.Invalid("municipal_units", "The discharge event names a municipal unit that is not in the unit directory.")).ToList();

        var plan = new SipPlan(id);
        var now = context.Now;
        plan.Append(new PlanInitiated
        {
            Sequence = 1, OccurredAt = deadline.ReadinessNotifiedAt, RecordedAt = now, Actor = actor,
            Person = ValidPerson(person), Initiator = InitiatorKind.RegionUnit, InitiatingUnit = outpatient.Id,
            DischargeCaseId = deadline.DischargeCaseId,
        });
        if (deadline.SipConsentRecorded)
        {
            plan.Append(new ConsentRecorded
            {
                Sequence = plan.NextSequence, OccurredAt = deadline.ReadinessNotifiedAt, RecordedAt = now, Actor = actor,
                Grant = new ConsentGrant($"c{plan.NextSequence}", ConsentGiver.Individual, ConsentForm.FromDischargeCase,
                    [.. municipalUnits.Select(u => u.OrganisationCode).Prepend(outpatient.OrganisationCode).Distinct()],
                    [ConsentPurpose.Participation, ConsentPurpose.InformationSharing], deadline.ReadinessNotifiedAt, null, actor),
            });
        }
        foreach (var unit in municipalUnits.Prepend(outpatient))
        {
            plan.Append(new ParticipantAdded
            {
                Sequence = plan.NextSequence, OccurredAt = now, RecordedAt = now, Actor = actor,
                Participant = new Participant($"p{plan.NextSequence}", ParticipantRole.Principal, unit.OrganisationCode, unit.Id, null, null),
            });
        }
        plan.StartDeadline(deadline, outpatient.OrganisationCode, now, actor);
        return plan;
    }

    // A new readiness notice of the same discharge case starts a new deadline on the plan already
    // opened for it. Idempotent: the same readiness notice twice records nothing.
    public IReadOnlyList<PlanEvent> RestartInvitationDeadline(DischargeDeadline deadline, StepContext context)
    {
        if (!IsOpen || InvitationDeadline?.ReadinessSequence >= deadline.ReadinessSequence) return [];
        var outpatient = context.Directory.FindUnit(deadline.OutpatientUnit)
            ?? throw RuleViolation.Invalid("outpatient_unit", "The discharge event names an outpatient unit that is not in the unit directory.");
        return [StartDeadline(deadline, outpatient.OrganisationCode, context.Now, context.Actor)];
    }

    // The readiness notice was withdrawn: the deadline no longer runs (cancelled, not breached).
    // Idempotent, and a cancellation of an older or unknown readiness notice records nothing.
    public IReadOnlyList<PlanEvent> CancelInvitationDeadline(int readinessSequence, DateTimeOffset withdrawnAt, StepContext context)
    {
        if (InvitationDeadline is not { Cancelled: false, MetAt: null } deadline || deadline.ReadinessSequence != readinessSequence) return [];
        return [Append(new InvitationDeadlineCancelled
        {
            Sequence = NextSequence, OccurredAt = withdrawnAt, RecordedAt = context.Now, Actor = context.Actor,
            ReadinessSequence = readinessSequence,
        })];
    }

    private InvitationDeadlineStarted StartDeadline(DischargeDeadline deadline, string organisation, DateTimeOffset now, Actor actor) =>
        Append(new InvitationDeadlineStarted
        {
            Sequence = NextSequence, OccurredAt = deadline.ReadinessNotifiedAt, RecordedAt = now, Actor = actor,
            DischargeCaseId = deadline.DischargeCaseId, ReadinessSequence = deadline.ReadinessSequence,
            DueAt = deadline.DueAt, ResponsibleUnit = deadline.OutpatientUnit, ResponsibleOrganisation = organisation,
            MunicipalUnits = deadline.MunicipalUnits,
        });

    private static PlanPerson ValidPerson(PlanPerson person) => person with
    {
        GivenName = TextInput.Optional(person.GivenName, "person.given_name", PlanLimits.NameLength),
        FamilyName = TextInput.Optional(person.FamilyName, "person.family_name", PlanLimits.NameLength),
    };
}

// What the discharge service's SipInvitationDeadlineStarted says, in domain terms.
public sealed record DischargeDeadline(
    string DischargeCaseId,
    int ReadinessSequence,
    DateTimeOffset ReadinessNotifiedAt,
    DateTimeOffset DueAt,
    string OutpatientUnit,
    IReadOnlyList<string> MunicipalUnits,
    bool SipConsentRecorded);
