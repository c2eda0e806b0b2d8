using System.Text.Json.Serialization;
using Samverkan.RelativeSupport.Domain.Relatives;

namespace Samverkan.RelativeSupport.Domain.Referrals;

public enum ReferralStatus
{
    Received = 1,
    Accepted = 2,
    // The relative withdrew consent: the personal content is gone, the status shell remains so the
    // referrer's status query still has an answer.
    Withdrawn = 3,
}

public enum ReferralSource
{
    Region = 1,
    Municipality = 2,
}

// A referral (hänvisning) of a relative from a region or municipal unit to the municipality where
// the relative lives. Crosses a secrecy boundary, so it exists only with the relative's consent.
// The referrer may learn the status and nothing else; the receiving consultants see the content.
public sealed class Referral
{
    [JsonConstructor]
    public Referral(string id, string fromOrganisationCode, string fromUnitId, ReferralSource source, string toMunicipalityCode,
        RelativeDetails? relative, Relationship relationship, ChildSituation childSituation, string? need,
        DateOnly receivedOn, ReferralStatus status, string? relativeId)
    {
        Id = id;
        FromOrganisationCode = fromOrganisationCode;
        FromUnitId = fromUnitId;
        Source = source;
        ToMunicipalityCode = toMunicipalityCode;
        Relative = relative;
        Relationship = relationship;
        ChildSituation = childSituation;
        Need = need;
        ReceivedOn = receivedOn;
        Status = status;
        RelativeId = relativeId;
    }

    public string Id { get; }
    public string FromOrganisationCode { get; }
    public string FromUnitId { get; }
    public ReferralSource Source { get; }
    public string ToMunicipalityCode { get; }
    public RelativeDetails? Relative { get; private set; }
    public Relationship Relationship { get; }
    public ChildSituation ChildSituation { get; }
    public string? Need { get; private set; }
    public DateOnly ReceivedOn { get; }
    public ReferralStatus Status { get; private set; }
    public string? RelativeId { get; private set; }

    public static Referral Create(string id, string fromOrganisationCode, string fromUnitId, ReferralSource source,
        string toMunicipalityCode, RelativeDetails relative, Relationship relationship, bool consentGiven,
        ChildSituation childSituation, string? need, DateOnly today)
    {
        if (!consentGiven)
        {
            throw RuleViolation.State(
                "A referral crosses to another organisation only with the relative's consent (for a child, the guardian's): set consent_given once it is given.",
                new PreconditionSubject("CONSENT", "RELATIVE_REFERRAL"));
        }
        if (!Enum.IsDefined(relationship)) throw RuleViolation.Invalid("relationship", "relationship is required.");
        if (!Enum.IsDefined(childSituation)) throw RuleViolation.Invalid("child_situation", "child_situation is not a known value.");
        if (relative.IsChild && childSituation == ChildSituation.None)
        {
            throw RuleViolation.Invalid("child_situation",
                "A child-as-relative referral (HSL 5 kap. 7 §) names the parent's situation in child_situation.");
        }
        if (!relative.IsChild && childSituation != ChildSituation.None)
        {
            throw RuleViolation.Invalid("child_situation", "child_situation applies only when the relative is a child (relative.is_child).");
        }
        return new Referral(id, fromOrganisationCode, fromUnitId, source, toMunicipalityCode, relative, relationship,
            childSituation, Bounds.Optional(need, "need", Bounds.FreeText), today, ReferralStatus.Received, null);
    }

    // The receiving municipality's consultants accept: the relative is registered with the consent
    // the referral carried.
    public Relative Accept(string relativeId, DateOnly today)
    {
        if (Status != ReferralStatus.Received || Relative is null)
        {
            throw RuleViolation.State($"The referral is {Status}; only a RECEIVED referral can be accepted.");
        }
        var relative = Relatives.Relative.Register(relativeId, ToMunicipalityCode, Relative, Relationship, CaredForPerson.Unknown,
            consentToRegistration: true, today, Id, ChildSituation, Need);
        Status = ReferralStatus.Accepted;
        RelativeId = relativeId;
        return relative;
    }

    // Consent withdrawn: drop every personal detail; keep the status for the referrer.
    public void Erase()
    {
        Relative = null;
        Need = null;
        Status = ReferralStatus.Withdrawn;
    }
}
