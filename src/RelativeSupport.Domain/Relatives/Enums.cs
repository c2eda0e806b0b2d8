namespace Samverkan.RelativeSupport.Domain.Relatives;

public enum Relationship
{
    Partner = 1,      // make, maka, sambo
    Parent = 2,
    Child = 3,
    Sibling = 4,
    OtherFamily = 5,
    Friend = 6,       // vän, granne
}

public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}

// Support forms of anhörigstöd; each municipality's catalogue holds the ones it offers.
public enum SupportForm
{
    Conversation = 1,            // samtalsstöd
    Group = 2,                   // anhöriggrupp, anhörigcirkel
    RespiteAtHome = 3,           // avlösning i hemmet
    RespiteDayCare = 4,          // dagverksamhet
    RespiteShortStay = 5,        // korttidsvistelse
    InformationEducation = 6,    // information och utbildning
    Guidance = 7,                // lotsning
    MeetingPlace = 8,            // träffpunkt
    Recreation = 9,              // rekreation
    BereavedAfterSuicide = 10,   // stöd till efterlevande efter suicid
}

public enum RelativeState
{
    Open = 1,
    Closed = 2,
}

public enum SupportStatus
{
    Offered = 1,
    Started = 2,
    Ended = 3,
    Declined = 4,
}

// The parent's situation that gives a minor child rights as a relative (HSL 5 kap. 7 §).
public enum ChildSituation
{
    None = 0,
    PsychiatricIllness = 1,
    SeriousIllness = 2,
    SubstanceAbuse = 3,
    GamblingAbuse = 4,
    Death = 5,
}
