namespace Samverkan.PersonalOmbudsmen.Domain.Assignments;

// The contract's vocabularies (personal_ombudsmen.proto), same numbers, no "unspecified".

// Områden an assignment covers.
public enum Area
{
    Economy = 1,            // ekonomi
    Housing = 2,            // boende
    CareAndTreatment = 3,   // vård och behandling
    Employment = 4,         // sysselsättning och arbete
    AuthorityContacts = 5,  // myndighetskontakter
    Relations = 6,          // relationer
    Legal = 7,              // juridik
    DailyLife = 8,          // fritid och vardag
    Other = 9,              // övrigt
}

public enum MandateForm
{
    Verbal = 1,   // muntligt uppdrag
    Written = 2,  // skriftligt uppdrag
}

public enum AssignmentStatus
{
    Open = 1,
    Closed = 2,
}

// Avslutsorsak: how assignments really end, not only with goals met.
public enum Outcome
{
    GoalsMet = 1,
    GoalsPartlyMet = 2,
    ClientEndedMandate = 3,
    OtherSupportTookOver = 4,
    ClientMoved = 5,
    ContactLost = 6,
    ClientDied = 7,
    Other = 8,
}

public enum AuthorityKind
{
    Forsakringskassan = 1,
    Arbetsformedlingen = 2,
    SocialServices = 3,
    HealthCare = 4,
    Psychiatry = 5,
    Kronofogden = 6,
    Skatteverket = 7,
    Migrationsverket = 8,
    Housing = 9,
    Guardianship = 10,   // överförmyndare, god man, förvaltare
    Other = 11,
}

public enum AgreementState
{
    Pending = 1,
    Agreed = 2,
    Withdrawn = 3,
}

public static class Vocabulary
{
    public static T Require<T>(string field, T value) where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw Rules.OmbudRuleViolation.Invalid(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<T>())} (got {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}).");
}
