using Samverkan.Contracts.Ombud.V1;

namespace Samverkan.Portal.Display;

// The words personal ombudsmen use for their service's vocabulary.
public static class OmbudNames
{
    public static readonly Area[] Areas =
        [Area.Economy, Area.Housing, Area.CareAndTreatment, Area.Employment, Area.AuthorityContacts, Area.Relations, Area.Legal, Area.DailyLife, Area.Other];

    public static readonly AuthorityKind[] AuthorityKinds = Enum.GetValues<AuthorityKind>().Where(k => k != AuthorityKind.Unspecified).ToArray();

    public static readonly Outcome[] Outcomes = Enum.GetValues<Outcome>().Where(o => o != Outcome.Unspecified).ToArray();

    public static readonly DeficiencyKind[] DeficiencyKinds = Enum.GetValues<DeficiencyKind>().Where(k => k != DeficiencyKind.Unspecified).ToArray();

    public static string Of(Area area) => area switch
    {
        Area.Economy => "Ekonomi",
        Area.Housing => "Boende",
        Area.CareAndTreatment => "Vård och behandling",
        Area.Employment => "Sysselsättning och arbete",
        Area.AuthorityContacts => "Myndighetskontakter",
        Area.Relations => "Relationer",
        Area.Legal => "Juridik",
        Area.DailyLife => "Fritid och vardag",
        Area.Other => "Övrigt",
        _ => "–",
    };

    public static string Of(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Forsakringskassan => "Försäkringskassan",
        AuthorityKind.Arbetsformedlingen => "Arbetsförmedlingen",
        AuthorityKind.SocialServices => "Socialtjänsten",
        AuthorityKind.HealthCare => "Hälso- och sjukvård",
        AuthorityKind.Psychiatry => "Psykiatrin",
        AuthorityKind.Kronofogden => "Kronofogden",
        AuthorityKind.Skatteverket => "Skatteverket",
        AuthorityKind.Migrationsverket => "Migrationsverket",
        AuthorityKind.Housing => "Hyresvärd eller bostadsbolag",
        AuthorityKind.Guardianship => "Överförmyndare, god man eller förvaltare",
        AuthorityKind.Other => "Annan",
        _ => "–",
    };

    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.GoalsMet => "Klientens mål är uppnådda",
        Outcome.GoalsPartlyMet => "Målen är delvis uppnådda",
        Outcome.ClientEndedMandate => "Klienten avslutade uppdraget",
        Outcome.OtherSupportTookOver => "Annat stöd tog över",
        Outcome.ClientMoved => "Klienten flyttade till en annan kommun",
        Outcome.ContactLost => "Kontakten med klienten upphörde",
        Outcome.ClientDied => "Klienten avled",
        Outcome.Other => "Annat",
        _ => "–",
    };

    public static string Of(AgreementState state) => state switch
    {
        AgreementState.Pending => "Inte genomgånget med klienten",
        AgreementState.Agreed => "Klienten har godkänt",
        AgreementState.Withdrawn => "Struket på klientens begäran",
        _ => "–",
    };

    public static string Of(DeficiencyKind kind) => kind switch
    {
        DeficiencyKind.ResponsibilityGap => "Glapp mellan myndigheters ansvar",
        DeficiencyKind.Coordination => "Brist på samordning",
        DeficiencyKind.Rules => "Regler som inte passar målgruppen",
        DeficiencyKind.WaitingTimes => "Långa handläggnings- eller väntetider",
        DeficiencyKind.Accessibility => "Tillgänglighet (telefon, e-tjänster, öppettider)",
        DeficiencyKind.Information => "Information som målgruppen inte kan använda",
        DeficiencyKind.MissingService => "Insats eller tjänst saknas",
        DeficiencyKind.Other => "Annat",
        _ => "–",
    };

    public static string Of(DeficiencyStatus status) => status switch
    {
        DeficiencyStatus.Reported => "Rapporterad, inte granskad",
        DeficiencyStatus.ToBeForwarded => "Ska skickas till Länsstyrelsen",
        DeficiencyStatus.HandledLocally => "Hanteras lokalt",
        DeficiencyStatus.Forwarded => "Skickad till Länsstyrelsen",
        _ => "–",
    };

    public static string Of(Sex sex) => sex switch { Sex.Female => "Kvinnor", Sex.Male => "Män", _ => "Okänt" };

    public static string Of(AgeBand band) => band switch
    {
        AgeBand._1824 => "18–24",
        AgeBand._2534 => "25–34",
        AgeBand._3544 => "35–44",
        AgeBand._4554 => "45–54",
        AgeBand._5564 => "55–64",
        AgeBand._65Plus => "65+",
        _ => "okänd",
    };

    public static string Of(LengthBand band) => band switch
    {
        LengthBand.Under3Months => "Under 3 månader",
        LengthBand._3To6Months => "3–6 månader",
        LengthBand._6To12Months => "6–12 månader",
        LengthBand._12To24Months => "12–24 månader",
        LengthBand._24MonthsOrMore => "24 månader eller mer",
        _ => "–",
    };

    // A possibly suppressed count: never a number between 1 and the threshold.
    public static string Of(Count? count) => count is null ? "0" : count.Suppressed ? "färre än gränsen (dold)" : count.Value.ToString(System.Globalization.CultureInfo.CurrentCulture);
}
