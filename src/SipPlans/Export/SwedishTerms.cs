using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.FollowUps;
using Samverkan.SipPlans.Domain.Plans;

namespace Samverkan.SipPlans.Export;

// The Swedish words the staff and the person know, for printed plans and FHIR display texts.
public static class SwedishTerms
{
    public static string Of(PlanState state) => state switch
    {
        PlanState.NeedIdentified => "Behov upptäckt",
        PlanState.InvitationDue => "Kallelse ska skickas",
        PlanState.ConsentRecorded => "Samtycke inhämtat",
        PlanState.Preparing => "Förberedelse",
        PlanState.InvitationsSent => "Kallelse skickad",
        PlanState.MeetingHeld => "SIP-möte hållet",
        PlanState.Agreed => "Plan upprättad",
        PlanState.FollowingUp => "Uppföljning",
        PlanState.Closed => "Avslutad",
        _ => state.ToString(),
    };

    public static string Of(GoalTerm term) => term == GoalTerm.ShortTerm ? "Kortsiktigt mål" : "Långsiktigt mål";

    public static string Of(OtherActorKind actor) => actor switch
    {
        OtherActorKind.SocialInsuranceAgency => "Försäkringskassan",
        OtherActorKind.EmploymentService => "Arbetsförmedlingen",
        OtherActorKind.School => "Skolan",
        OtherActorKind.Police => "Polisen",
        OtherActorKind.PrisonAndProbation => "Kriminalvården",
        OtherActorKind.InstitutionalCare => "Statens institutionsstyrelse (SiS)",
        OtherActorKind.DentalCare => "Tandvården",
        OtherActorKind.Trustee => "God man/förvaltare",
        _ => "Annan aktör",
    };

    public static string Of(RelativesParticipation relatives) => relatives switch
    {
        RelativesParticipation.Participates => "Anhöriga deltar",
        RelativesParticipation.NotSuitable => "Anhörigas deltagande bedöms inte lämpligt",
        RelativesParticipation.DeclinedByPerson => "Personen vill inte att anhöriga deltar",
        RelativesParticipation.NoRelatives => "Inga anhöriga",
        _ => "Inte angivet",
    };

    public static string Of(ChildParticipationForm form) => form switch
    {
        ChildParticipationForm.ToldSomeoneBefore => "Berättar för någon i förväg",
        ChildParticipationForm.Letter => "Skriver ett brev",
        ChildParticipationForm.SupportPerson => "Med stödperson",
        ChildParticipationForm.PartOfMeeting => "Deltar i en del av mötet",
        ChildParticipationForm.PhoneOrVideo => "Via telefon eller video",
        ChildParticipationForm.WholeMeeting => "Deltar i hela mötet",
        _ => form.ToString(),
    };

    public static string Of(AgendaItem item) => item switch
    {
        AgendaItem.Opening => "Inledning",
        AgendaItem.CurrentSituation => "Nuläge",
        AgendaItem.Needs => "Behov",
        AgendaItem.GoalsAndInterventions => "Mål och insatser",
        AgendaItem.Summary => "Sammanfattning",
        AgendaItem.Closing => "Avslutning",
        _ => item.ToString(),
    };

    public static string Of(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Done => "Genomförd",
        OutcomeStatus.InProgress => "Pågår",
        OutcomeStatus.NotDone => "Ej genomförd",
        _ => status.ToString(),
    };

    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => "Delta i SIP",
        ConsentPurpose.InformationSharing => "Informationsutbyte",
        _ => purpose.ToString(),
    };

    public static string Of(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Individual => "Personen själv",
        ConsentGiver.Guardian => "Vårdnadshavare",
        ConsentGiver.LegalRepresentative => "Legal företrädare",
        _ => giver.ToString(),
    };
}
