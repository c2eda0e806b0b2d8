namespace Samverkan.SipPlans.Domain.Versions;

// An agreed plan as it was agreed: content, meeting record and participants, frozen. Signatures are
// added to it but nothing else ever changes; later changes are agreed as a new version.
public sealed class PlanVersion(int number, DateTimeOffset agreedAt, PlanContent content, MeetingRecord? meeting,
    IReadOnlyList<Participant> participants, Actor agreedBy)
{
    private readonly List<Signature> _signatures = [];

    public int Number { get; } = number;

    public DateTimeOffset AgreedAt { get; } = agreedAt;

    public PlanContent Content { get; } = content;

    public MeetingRecord? Meeting { get; } = meeting;

    public IReadOnlyList<Participant> Participants { get; } = participants;

    public Actor AgreedBy { get; } = agreedBy;

    public IReadOnlyList<Signature> Signatures => _signatures;

    // Every party: each summoned principal organisation and the individual.
    public IReadOnlyList<Signatory> RequiredSignatories =>
        Participants.Where(p => p.IsPrincipal).Select(p => Signatory.Organisation(p.OrganisationCode!))
            .Distinct().Append(Signatory.Individual).ToList();

    public IReadOnlyList<Signatory> MissingSignatories =>
        RequiredSignatories.Where(s => !_signatures.Any(x => x.Signatory == s)).ToList();

    // Signed by all parties including the individual (required before a court decides on ÖPT/ÖRV).
    public bool SignedByAll => MissingSignatories.Count == 0;

    public bool IsSigned => _signatures.Count > 0;

    internal void AddSignature(Signature signature) => _signatures.Add(signature);
}

// Who signs: a principal organisation, or the individual (or their guardian / legal representative).
public sealed record Signatory(SignatoryKind Kind, string? OrganisationCode)
{
    public static readonly Signatory Individual = new(SignatoryKind.Individual, null);

    public static Signatory Organisation(string code) => new(SignatoryKind.Organisation, code);

    public override string ToString() => Kind == SignatoryKind.Organisation ? $"organisation {OrganisationCode}" : Kind.ToString();
}

public enum SignatoryKind
{
    Organisation,
    Individual,         // the person, or for a child the guardian, signing on paper or digitally
}

public sealed record Signature(Signatory Signatory, DateTimeOffset SignedAt, Actor RecordedBy);
