namespace Samverkan.PersonalOmbudsmen.Domain.Assignments;

// Something the PO wrote in an assignment, which the client goes through and agrees to (or not).
// Entries are never removed from the list (ids stay stable); a withdrawn entry keeps no text.
public abstract record Entry(string Id, DateTimeOffset WrittenAt, AgreementState Agreement, DateTimeOffset? AgreementRecordedAt)
{
    public abstract Entry WithAgreement(AgreementState agreement, DateTimeOffset at);
}

public sealed record Goal(string Id, DateTimeOffset WrittenAt, AgreementState Agreement, DateTimeOffset? AgreementRecordedAt, string Text)
    : Entry(Id, WrittenAt, Agreement, AgreementRecordedAt)
{
    public const char Prefix = 'g';

    public override Entry WithAgreement(AgreementState agreement, DateTimeOffset at) => this with
    {
        Agreement = agreement,
        AgreementRecordedAt = at,
        Text = agreement == AgreementState.Withdrawn ? "" : Text,
    };
}

// Arbetsanteckning: not a journal; destroyed at closing.
public sealed record WorkingNote(string Id, DateTimeOffset WrittenAt, AgreementState Agreement, DateTimeOffset? AgreementRecordedAt, string Text)
    : Entry(Id, WrittenAt, Agreement, AgreementRecordedAt)
{
    public const char Prefix = 'n';

    public override Entry WithAgreement(AgreementState agreement, DateTimeOffset at) => this with
    {
        Agreement = agreement,
        AgreementRecordedAt = at,
        Text = agreement == AgreementState.Withdrawn ? "" : Text,
    };
}

// A contact made on the client's behalf: with which authority, about what, when.
public sealed record Contact(
    string Id,
    DateTimeOffset WrittenAt,
    AgreementState Agreement,
    DateTimeOffset? AgreementRecordedAt,
    AuthorityKind AuthorityKind,
    string AuthorityName,
    string About,
    DateTimeOffset ContactedAt)
    : Entry(Id, WrittenAt, Agreement, AgreementRecordedAt)
{
    public const char Prefix = 'c';

    public override Entry WithAgreement(AgreementState agreement, DateTimeOffset at) => this with
    {
        Agreement = agreement,
        AgreementRecordedAt = at,
        AuthorityName = agreement == AgreementState.Withdrawn ? "" : AuthorityName,
        About = agreement == AgreementState.Withdrawn ? "" : About,
    };
}
