using Samverkan.Contracts.Relatives.V1;

namespace Samverkan.Portal.Display;

// The words relative consultants use for relative support's vocabulary.
public static class RelativeNames
{
    public static readonly Relationship[] Relationships =
        [Relationship.Partner, Relationship.Parent, Relationship.Child, Relationship.Sibling, Relationship.OtherFamily, Relationship.Friend];

    public static readonly ChildSituation[] ChildSituations =
        [ChildSituation.PsychiatricIllness, ChildSituation.SeriousIllness, ChildSituation.SubstanceAbuse, ChildSituation.GamblingAbuse, ChildSituation.Death];

    public static string Of(Relationship relationship) => relationship switch
    {
        Relationship.Partner => "Make, maka, sambo eller partner",
        Relationship.Parent => "Förälder",
        Relationship.Child => "Barn",
        Relationship.Sibling => "Syskon",
        Relationship.OtherFamily => "Annan släkting",
        Relationship.Friend => "Vän eller granne",
        _ => "Inte angiven",
    };

    public static string Of(ChildSituation situation) => situation switch
    {
        ChildSituation.PsychiatricIllness => "Föräldern har en psykisk störning eller funktionsnedsättning",
        ChildSituation.SeriousIllness => "Föräldern har en allvarlig fysisk sjukdom eller skada",
        ChildSituation.SubstanceAbuse => "Föräldern missbrukar alkohol eller andra beroendeframkallande medel",
        ChildSituation.GamblingAbuse => "Föräldern missbrukar spel om pengar",
        ChildSituation.Death => "Föräldern har avlidit oväntat",
        _ => "–",
    };

    public static string Of(SupportForm form) => form switch
    {
        SupportForm.Conversation => "Samtalsstöd",
        SupportForm.Group => "Anhöriggrupp",
        SupportForm.RespiteAtHome => "Avlösning i hemmet",
        SupportForm.RespiteDayCare => "Dagverksamhet",
        SupportForm.RespiteShortStay => "Korttidsvistelse",
        SupportForm.InformationEducation => "Information och utbildning",
        SupportForm.Guidance => "Lotsning och vägledning",
        SupportForm.MeetingPlace => "Träffpunkt",
        SupportForm.Recreation => "Rekreation",
        SupportForm.BereavedAfterSuicide => "Stöd till efterlevande efter suicid",
        _ => "Okänd stödform",
    };

    public static string Of(SupportStatus status) => status switch
    {
        SupportStatus.Offered => "Erbjudet",
        SupportStatus.Started => "Påbörjat",
        SupportStatus.Ended => "Avslutat",
        SupportStatus.Declined => "Avböjt",
        _ => "Okänt",
    };

    public static string Of(ReferralStatus status) => status switch
    {
        ReferralStatus.Received => "Mottagen, inte behandlad ännu",
        ReferralStatus.Accepted => "Tagen om hand av kommunens anhörigstöd",
        ReferralStatus.Withdrawn => "Återkallad: den anhörige har tagit tillbaka sitt samtycke",
        _ => "Okänt",
    };

    public static string Of(RelativeState state) => state switch
    {
        RelativeState.Open => "Öppen",
        RelativeState.Closed => "Avslutad",
        _ => "Okänt",
    };

    public static string Of(Sex sex) => sex switch
    {
        Sex.Female => "Kvinna",
        Sex.Male => "Man",
        _ => "Inte angivet",
    };
}
