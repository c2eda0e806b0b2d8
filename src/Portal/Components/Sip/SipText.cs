using Samverkan.Contracts.Sip.V1;

namespace Samverkan.Portal.Components.Sip;

// The words staff use for the SIP contract's vocabulary (samordnad individuell plan).
public static class SipText
{
    public static string Name(Person? person) =>
        person is null || (person.ProtectedIdentity && person.GivenName.Length == 0 && person.PersonalIdentityNumber is null)
            ? "Skyddad identitet"
            : $"{person.GivenName} {person.FamilyName}".Trim() is { Length: > 0 } name ? name : "Namn saknas";

    public static string Number(Person? person) =>
        person?.PersonalIdentityNumber?.Value is { Length: 12 } value ? value[..8] + "-" + value[8..] : "";

    public static string Of(PlanState state) => state switch
    {
        PlanState.NeedIdentified => "Behov upptäckt",
        PlanState.InvitationDue => "Kallelse ska skickas",
        PlanState.ConsentRecorded => "Samtycke registrerat",
        PlanState.Preparing => "Förbereds",
        PlanState.InvitationsSent => "Kallelser skickade",
        PlanState.MeetingHeld => "SIP-möte hållet",
        PlanState.Agreed => "Överenskommen",
        PlanState.FollowingUp => "Följs upp",
        PlanState.Closed => "Avslutad",
        _ => "Okänt läge",
    };

    public static string Of(ClosureReason reason) => reason switch
    {
        ClosureReason.Completed => "Genomförd (efter uppföljning)",
        ClosureReason.ConsentWithdrawn => "Samtycket återkallat",
        ClosureReason.Declined => "Personen tackade nej",
        ClosureReason.NoLongerNeeded => "Behovet finns inte längre",
        ClosureReason.Died => "Personen har avlidit",
        ClosureReason.MovedAway => "Personen har flyttat från länet",
        _ => "–",
    };

    public static string Of(InitiatorKind kind) => kind switch
    {
        InitiatorKind.MunicipalUnit => "Kommunens enhet",
        InitiatorKind.RegionUnit => "Regionens enhet",
        InitiatorKind.School => "Skolan (endast för barn)",
        _ => "–",
    };

    public static string Of(ProposerKind kind) => kind switch
    {
        ProposerKind.Individual => "Personen själv",
        ProposerKind.Relative => "En anhörig",
        ProposerKind.OtherActor => "En annan aktör",
        _ => "Ingen (enheten upptäckte behovet)",
    };

    public static string Of(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Individual => "Personen själv",
        ConsentGiver.Guardian => "Vårdnadshavare",
        ConsentGiver.LegalRepresentative => "Legal företrädare",
        _ => "–",
    };

    public static string Of(ConsentForm form) => form switch
    {
        ConsentForm.Verbal => "Muntligt",
        ConsentForm.Written => "Skriftligt",
        ConsentForm.Digital => "Digitalt",
        ConsentForm.FromDischargeCase => "Från utskrivningsärendet",
        _ => "–",
    };

    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => "delta i SIP-möten",
        ConsentPurpose.InformationSharing => "ta del av planen och utbyta information",
        _ => "–",
    };

    public static string Of(ParticipantRole role) => role switch
    {
        ParticipantRole.Principal => "Huvudman (kallad)",
        ParticipantRole.OtherActor => "Annan aktör (inbjuden)",
        ParticipantRole.Relative => "Anhörig/närstående (inbjuden)",
        _ => "–",
    };

    public static string Of(OtherActorKind kind) => kind switch
    {
        OtherActorKind.SocialInsuranceAgency => "Försäkringskassan",
        OtherActorKind.EmploymentService => "Arbetsförmedlingen",
        OtherActorKind.School => "Skolan",
        OtherActorKind.Police => "Polisen",
        OtherActorKind.PrisonAndProbation => "Kriminalvården",
        OtherActorKind.InstitutionalCare => "Statens institutionsstyrelse (SiS)",
        OtherActorKind.DentalCare => "Tandvården",
        OtherActorKind.Trustee => "God man / förvaltare",
        OtherActorKind.Other => "Annan aktör",
        _ => "–",
    };

    public static string Of(GoalTerm term) => term switch
    {
        GoalTerm.Short => "Kortsiktigt mål",
        GoalTerm.Long => "Långsiktigt mål",
        _ => "Mål",
    };

    public static string Of(RelativesParticipation relatives) => relatives switch
    {
        RelativesParticipation.Participates => "Anhöriga deltar",
        RelativesParticipation.NotSuitable => "Inte lämpligt att anhöriga deltar",
        RelativesParticipation.DeclinedByPerson => "Personen vill inte att anhöriga deltar",
        RelativesParticipation.NoRelatives => "Personen har inga anhöriga",
        _ => "Inte angivet",
    };

    public static string Of(ChildParticipationForm form) => form switch
    {
        ChildParticipationForm.ToldSomeoneBefore => "Berättar för någon i förväg",
        ChildParticipationForm.Letter => "Skriver ett brev",
        ChildParticipationForm.SupportPerson => "Har med en stödperson",
        ChildParticipationForm.PartOfMeeting => "Deltar i en del av mötet",
        ChildParticipationForm.PhoneOrVideo => "Deltar per telefon eller video",
        ChildParticipationForm.WholeMeeting => "Deltar i hela mötet",
        _ => "–",
    };

    // Mötescirkeln, in the order the meeting runs.
    public static string Of(AgendaItem item) => item switch
    {
        AgendaItem.Opening => "Inledning",
        AgendaItem.CurrentSituation => "Nuläge",
        AgendaItem.Needs => "Behov",
        AgendaItem.GoalsAndInterventions => "Mål och insatser",
        AgendaItem.Summary => "Sammanfattning",
        AgendaItem.Closing => "Avslutning",
        _ => "–",
    };

    public static string Of(OutcomeStatus status) => status switch
    {
        OutcomeStatus.Done => "Genomförd",
        OutcomeStatus.InProgress => "Pågår",
        OutcomeStatus.NotDone => "Inte genomförd",
        _ => "–",
    };

    public static string Of(OverdueKind kind) => kind switch
    {
        OverdueKind.Invitation => "Kallelse till SIP inom 3 dagar efter utskrivningsklar",
        OverdueKind.FollowUp => "Uppföljning",
        _ => "Steg",
    };

    // GetPlanHistory's step names (the event discriminators).
    public static string Step(string step) => step switch
    {
        "plan-initiated" => "Planen startad (behov upptäckt)",
        "consent-recorded" => "Samtycke registrerat",
        "consent-withdrawn" => "Samtycke återkallat",
        "preparation-started" => "Förberedelse påbörjad",
        "participant-added" => "Deltagare tillagd",
        "participant-removed" => "Deltagare borttagen",
        "invitations-sent" => "Kallelser och inbjudningar skickade",
        "content-updated" => "Planens innehåll ändrat",
        "meeting-recorded" => "SIP-möte registrerat",
        "plan-agreed" => "Planen överenskommen",
        "version-signed" => "Version signerad",
        "follow-up-scheduled" => "Uppföljning planerad",
        "follow-up-recorded" => "Uppföljning registrerad",
        "plan-closed" => "Planen avslutad",
        "invitation-deadline-started" => "Tidsgräns för kallelse startad (utskrivningsklar)",
        "invitation-deadline-cancelled" => "Tidsgräns för kallelse gäller inte längre",
        _ => step,
    };
}
