using Proto = Samverkan.Contracts.Sip.V1;

namespace Samverkan.SipPlans.Grpc.Mapping;

// Contract enums <-> domain enums. Reading: UNSPECIFIED or an unknown number is INVALID_ARGUMENT
// naming the field. Writing: exhaustive (a new domain value must be given a contract value).
public static class ProtoEnums
{
    public static PlanState ToDomain(Proto.PlanState state, string field) => state switch
    {
        Proto.PlanState.NeedIdentified => PlanState.NeedIdentified,
        Proto.PlanState.InvitationDue => PlanState.InvitationDue,
        Proto.PlanState.ConsentRecorded => PlanState.ConsentRecorded,
        Proto.PlanState.Preparing => PlanState.Preparing,
        Proto.PlanState.InvitationsSent => PlanState.InvitationsSent,
        Proto.PlanState.MeetingHeld => PlanState.MeetingHeld,
        Proto.PlanState.Agreed => PlanState.Agreed,
        Proto.PlanState.FollowingUp => PlanState.FollowingUp,
        Proto.PlanState.Closed => PlanState.Closed,
        _ => throw Unspecified(field),
    };

    public static Proto.PlanState ToProto(PlanState state) => state switch
    {
        PlanState.NeedIdentified => Proto.PlanState.NeedIdentified,
        PlanState.InvitationDue => Proto.PlanState.InvitationDue,
        PlanState.ConsentRecorded => Proto.PlanState.ConsentRecorded,
        PlanState.Preparing => Proto.PlanState.Preparing,
        PlanState.InvitationsSent => Proto.PlanState.InvitationsSent,
        PlanState.MeetingHeld => Proto.PlanState.MeetingHeld,
        PlanState.Agreed => Proto.PlanState.Agreed,
        PlanState.FollowingUp => Proto.PlanState.FollowingUp,
        PlanState.Closed => Proto.PlanState.Closed,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static ClosureReason ToDomain(Proto.ClosureReason reason, string field) => reason switch
    {
        Proto.ClosureReason.Completed => ClosureReason.Completed,
        Proto.ClosureReason.ConsentWithdrawn => ClosureReason.ConsentWithdrawn,
        Proto.ClosureReason.Declined => ClosureReason.Declined,
        Proto.ClosureReason.NoLongerNeeded => ClosureReason.NoLongerNeeded,
        Proto.ClosureReason.Died => ClosureReason.Died,
        Proto.ClosureReason.MovedAway => ClosureReason.MovedAway,
        _ => throw Unspecified(field),
    };

    public static Proto.ClosureReason ToProto(ClosureReason? reason) => reason switch
    {
        null => Proto.ClosureReason.Unspecified,
        ClosureReason.Completed => Proto.ClosureReason.Completed,
        ClosureReason.ConsentWithdrawn => Proto.ClosureReason.ConsentWithdrawn,
        ClosureReason.Declined => Proto.ClosureReason.Declined,
        ClosureReason.NoLongerNeeded => Proto.ClosureReason.NoLongerNeeded,
        ClosureReason.Died => Proto.ClosureReason.Died,
        ClosureReason.MovedAway => Proto.ClosureReason.MovedAway,
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static InitiatorKind ToDomain(Proto.InitiatorKind kind, string field) => kind switch
    {
        Proto.InitiatorKind.MunicipalUnit => InitiatorKind.MunicipalUnit,
        Proto.InitiatorKind.RegionUnit => InitiatorKind.RegionUnit,
        Proto.InitiatorKind.School => InitiatorKind.School,
        _ => throw Unspecified(field),
    };

    public static Proto.InitiatorKind ToProto(InitiatorKind kind) => kind switch
    {
        InitiatorKind.MunicipalUnit => Proto.InitiatorKind.MunicipalUnit,
        InitiatorKind.RegionUnit => Proto.InitiatorKind.RegionUnit,
        InitiatorKind.School => Proto.InitiatorKind.School,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // Unspecified = nobody proposed it (the initiator's own judgement).
    public static ProposerKind ToDomain(Proto.ProposerKind kind) => kind switch
    {
        Proto.ProposerKind.Individual => ProposerKind.Individual,
        Proto.ProposerKind.Relative => ProposerKind.Relative,
        Proto.ProposerKind.OtherActor => ProposerKind.OtherActor,
        Proto.ProposerKind.Unspecified => ProposerKind.None,
        _ => throw Unspecified("proposed_by"),
    };

    public static Proto.ProposerKind ToProto(ProposerKind kind) => kind switch
    {
        ProposerKind.None => Proto.ProposerKind.Unspecified,
        ProposerKind.Individual => Proto.ProposerKind.Individual,
        ProposerKind.Relative => Proto.ProposerKind.Relative,
        ProposerKind.OtherActor => Proto.ProposerKind.OtherActor,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static ConsentPurpose ToDomain(Proto.ConsentPurpose purpose, string field) => purpose switch
    {
        Proto.ConsentPurpose.Participation => ConsentPurpose.Participation,
        Proto.ConsentPurpose.InformationSharing => ConsentPurpose.InformationSharing,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentPurpose ToProto(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => Proto.ConsentPurpose.Participation,
        ConsentPurpose.InformationSharing => Proto.ConsentPurpose.InformationSharing,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };

    public static ConsentGiver ToDomain(Proto.ConsentGiver giver, string field) => giver switch
    {
        Proto.ConsentGiver.Individual => ConsentGiver.Individual,
        Proto.ConsentGiver.Guardian => ConsentGiver.Guardian,
        Proto.ConsentGiver.LegalRepresentative => ConsentGiver.LegalRepresentative,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentGiver ToProto(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Individual => Proto.ConsentGiver.Individual,
        ConsentGiver.Guardian => Proto.ConsentGiver.Guardian,
        ConsentGiver.LegalRepresentative => Proto.ConsentGiver.LegalRepresentative,
        _ => throw new ArgumentOutOfRangeException(nameof(giver)),
    };

    public static ConsentForm ToDomain(Proto.ConsentForm form, string field) => form switch
    {
        Proto.ConsentForm.Verbal => ConsentForm.Verbal,
        Proto.ConsentForm.Written => ConsentForm.Written,
        Proto.ConsentForm.Digital => ConsentForm.Digital,
        Proto.ConsentForm.FromDischargeCase => ConsentForm.FromDischargeCase,
        _ => throw Unspecified(field),
    };

    public static Proto.ConsentForm ToProto(ConsentForm form) => form switch
    {
        ConsentForm.Verbal => Proto.ConsentForm.Verbal,
        ConsentForm.Written => Proto.ConsentForm.Written,
        ConsentForm.Digital => Proto.ConsentForm.Digital,
        ConsentForm.FromDischargeCase => Proto.ConsentForm.FromDischargeCase,
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static ParticipantRole ToDomain(Proto.ParticipantRole role, string field) => role switch
    {
        Proto.ParticipantRole.Principal => ParticipantRole.Principal,
        Proto.ParticipantRole.OtherActor => ParticipantRole.OtherActor,
        Proto.ParticipantRole.Relative => ParticipantRole.Relative,
        _ => throw Unspecified(field),
    };

    public static Proto.ParticipantRole ToProto(ParticipantRole role) => role switch
    {
        ParticipantRole.Principal => Proto.ParticipantRole.Principal,
        ParticipantRole.OtherActor => Proto.ParticipantRole.OtherActor,
        ParticipantRole.Relative => Proto.ParticipantRole.Relative,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static OtherActorKind? ToDomainOptional(Proto.OtherActorKind kind) => kind == Proto.OtherActorKind.Unspecified ? null : ToDomain(kind, "other_actor");

    public static OtherActorKind ToDomain(Proto.OtherActorKind kind, string field) => kind switch
    {
        Proto.OtherActorKind.SocialInsuranceAgency => OtherActorKind.SocialInsuranceAgency,
        Proto.OtherActorKind.EmploymentService => OtherActorKind.EmploymentService,
        Proto.OtherActorKind.School => OtherActorKind.School,
        Proto.OtherActorKind.Police => OtherActorKind.Police,
        Proto.OtherActorKind.PrisonAndProbation => OtherActorKind.PrisonAndProbation,
        Proto.OtherActorKind.InstitutionalCare => OtherActorKind.InstitutionalCare,
        Proto.OtherActorKind.DentalCare => OtherActorKind.DentalCare,
        Proto.OtherActorKind.Trustee => OtherActorKind.Trustee,
        Proto.OtherActorKind.Other => OtherActorKind.Other,
        _ => throw Unspecified(field),
    };

    public static Proto.OtherActorKind ToProto(OtherActorKind? kind) => kind switch
    {
        null => Proto.OtherActorKind.Unspecified,
        OtherActorKind.SocialInsuranceAgency => Proto.OtherActorKind.SocialInsuranceAgency,
        OtherActorKind.EmploymentService => Proto.OtherActorKind.EmploymentService,
        OtherActorKind.School => Proto.OtherActorKind.School,
        OtherActorKind.Police => Proto.OtherActorKind.Police,
        OtherActorKind.PrisonAndProbation => Proto.OtherActorKind.PrisonAndProbation,
        OtherActorKind.InstitutionalCare => Proto.OtherActorKind.InstitutionalCare,
        OtherActorKind.DentalCare => Proto.OtherActorKind.DentalCare,
        OtherActorKind.Trustee => Proto.OtherActorKind.Trustee,
        OtherActorKind.Other => Proto.OtherActorKind.Other,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static GoalTerm ToDomain(Proto.GoalTerm term, string field) => term switch
    {
        Proto.GoalTerm.Short => GoalTerm.ShortTerm,
        Proto.GoalTerm.Long => GoalTerm.LongTerm,
        _ => throw Unspecified(field),
    };

    public static Proto.GoalTerm ToProto(GoalTerm term) => term switch
    {
        GoalTerm.ShortTerm => Proto.GoalTerm.Short,
        GoalTerm.LongTerm => Proto.GoalTerm.Long,
        _ => throw new ArgumentOutOfRangeException(nameof(term)),
    };

    // Unspecified = not stated yet (allowed in a draft, refused when agreeing).
    public static RelativesParticipation ToDomain(Proto.RelativesParticipation relatives) => relatives switch
    {
        Proto.RelativesParticipation.Unspecified => RelativesParticipation.Unstated,
        Proto.RelativesParticipation.Participates => RelativesParticipation.Participates,
        Proto.RelativesParticipation.NotSuitable => RelativesParticipation.NotSuitable,
        Proto.RelativesParticipation.DeclinedByPerson => RelativesParticipation.DeclinedByPerson,
        Proto.RelativesParticipation.NoRelatives => RelativesParticipation.NoRelatives,
        _ => throw Unspecified("content.relatives"),
    };

    public static Proto.RelativesParticipation ToProto(RelativesParticipation relatives) => relatives switch
    {
        RelativesParticipation.Unstated => Proto.RelativesParticipation.Unspecified,
        RelativesParticipation.Participates => Proto.RelativesParticipation.Participates,
        RelativesParticipation.NotSuitable => Proto.RelativesParticipation.NotSuitable,
        RelativesParticipation.DeclinedByPerson => Proto.RelativesParticipation.DeclinedByPerson,
        RelativesParticipation.NoRelatives => Proto.RelativesParticipation.NoRelatives,
        _ => throw new ArgumentOutOfRangeException(nameof(relatives)),
    };

    public static ChildParticipationForm ToDomain(Proto.ChildParticipationForm form, string field) => form switch
    {
        Proto.ChildParticipationForm.ToldSomeoneBefore => ChildParticipationForm.ToldSomeoneBefore,
        Proto.ChildParticipationForm.Letter => ChildParticipationForm.Letter,
        Proto.ChildParticipationForm.SupportPerson => ChildParticipationForm.SupportPerson,
        Proto.ChildParticipationForm.PartOfMeeting => ChildParticipationForm.PartOfMeeting,
        Proto.ChildParticipationForm.PhoneOrVideo => ChildParticipationForm.PhoneOrVideo,
        Proto.ChildParticipationForm.WholeMeeting => ChildParticipationForm.WholeMeeting,
        _ => throw Unspecified(field),
    };

    public static Proto.ChildParticipationForm ToProto(ChildParticipationForm form) => form switch
    {
        ChildParticipationForm.ToldSomeoneBefore => Proto.ChildParticipationForm.ToldSomeoneBefore,
        ChildParticipationForm.Letter => Proto.ChildParticipationForm.Letter,
        ChildParticipationForm.SupportPerson => Proto.ChildParticipationForm.SupportPerson,
        ChildParticipationForm.PartOfMeeting => Proto.ChildParticipationForm.PartOfMeeting,
        ChildParticipationForm.PhoneOrVideo => Proto.ChildParticipationForm.PhoneOrVideo,
        ChildParticipationForm.WholeMeeting => Proto.ChildParticipationForm.WholeMeeting,
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    public static AgendaItem ToDomain(Proto.AgendaItem item, string field) => item switch
    {
        Proto.AgendaItem.Opening => AgendaItem.Opening,
        Proto.AgendaItem.CurrentSituation => AgendaItem.CurrentSituation,
        Proto.AgendaItem.Needs => AgendaItem.Needs,
        Proto.AgendaItem.GoalsAndInterventions => AgendaItem.GoalsAndInterventions,
        Proto.AgendaItem.Summary => AgendaItem.Summary,
        Proto.AgendaItem.Closing => AgendaItem.Closing,
        _ => throw Unspecified(field),
    };

    public static Proto.AgendaItem ToProto(AgendaItem item) => item switch
    {
        AgendaItem.Opening => Proto.AgendaItem.Opening,
        AgendaItem.CurrentSituation => Proto.AgendaItem.CurrentSituation,
        AgendaItem.Needs => Proto.AgendaItem.Needs,
        AgendaItem.GoalsAndInterventions => Proto.AgendaItem.GoalsAndInterventions,
        AgendaItem.Summary => Proto.AgendaItem.Summary,
        AgendaItem.Closing => Proto.AgendaItem.Closing,
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    public static OutcomeStatus ToDomain(Proto.OutcomeStatus status, string field) => status switch
    {
        Proto.OutcomeStatus.Done => OutcomeStatus.Done,
        Proto.OutcomeStatus.InProgress => OutcomeStatus.InProgress,
        Proto.OutcomeStatus.NotDone => OutcomeStatus.NotDone,
        _ => throw Unspecified(field),
    };

    public static Proto.OutcomeStatus ToProto(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Done => Proto.OutcomeStatus.Done,
        OutcomeStatus.InProgress => Proto.OutcomeStatus.InProgress,
        OutcomeStatus.NotDone => Proto.OutcomeStatus.NotDone,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static SignatoryKind ToDomain(Proto.SignatoryKind kind, string field) => kind switch
    {
        Proto.SignatoryKind.Organisation => SignatoryKind.Organisation,
        Proto.SignatoryKind.Individual => SignatoryKind.Individual,
        _ => throw Unspecified(field),
    };

    public static Proto.SignatoryKind ToProto(SignatoryKind kind) => kind switch
    {
        SignatoryKind.Organisation => Proto.SignatoryKind.Organisation,
        SignatoryKind.Individual => Proto.SignatoryKind.Individual,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Proto.OverdueKind ToProto(OverdueKind kind) => kind switch
    {
        OverdueKind.Invitation => Proto.OverdueKind.Invitation,
        OverdueKind.FollowUp => Proto.OverdueKind.FollowUp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static Samverkan.SipPlans.Domain.Survey.SurveyOccasion ToDomain(Proto.SurveyOccasion occasion, string field) => occasion switch
    {
        Proto.SurveyOccasion.Meeting => Samverkan.SipPlans.Domain.Survey.SurveyOccasion.Meeting,
        Proto.SurveyOccasion.FollowUp => Samverkan.SipPlans.Domain.Survey.SurveyOccasion.FollowUp,
        _ => throw Unspecified(field),
    };

    private static RuleViolation Unspecified(string field) =>
        RuleViolation.Invalid(field, $"{field} is unspecified or not a value of the contract; give one of its named values.");
}
