namespace Samverkan.PersonalOmbudsmen.Domain.Rules;

// Every documented maximum of the contract (personal_ombudsmen.proto), in one place.
// Lengths are in characters (UTF-16 code units), as documented.
public static class Bounds
{
    public const int MinimumClientAge = 18;

    public const int NameLength = 100;
    public const int PhoneLength = 40;
    public const int GoalLength = 1_000;
    public const int NoteLength = 4_000;
    public const int AuthorityNameLength = 200;
    public const int ContactAboutLength = 1_000;
    public const int EntryIdLength = 16;
    public const int AssignmentIdLength = 64;

    public const int MaxGoals = 20;
    public const int MaxNotes = 200;
    public const int MaxContacts = 200;
    public const int MaxAgreementEntries = 100;

    public const int DeficiencyDescriptionMinLength = 10;
    public const int DeficiencyDescriptionLength = 2_000;
    public const int ReviewCommentLength = 2_000;

    // The earliest plausible instant or date of anything recorded (PO work in its current form).
    public static readonly DateTimeOffset EarliestInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
}
