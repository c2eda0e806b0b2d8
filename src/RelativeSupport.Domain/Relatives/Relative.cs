using System.Text.Json.Serialization;
using Samverkan.RelativeSupport.Domain.Catalogue;

namespace Samverkan.RelativeSupport.Domain.Relatives;

// A relative (anhörig) known to one municipality's relative consultants. Exists only with the
// relative's own consent; when it is withdrawn the application deletes the whole record and keeps
// only the anonymous counts already made (Statistics.Tally).
public sealed class Relative
{
    public const int MaxNeeds = 50;
    public const int MaxSupports = 100;
    public const int MaxFollowUps = 100;

    [JsonConstructor]
    public Relative(string id, string municipalityCode, RelativeDetails details, Relationship relationship,
        CaredForPerson caredFor, DateOnly registeredOn, string? referralId, ChildSituation childSituation,
        string? supportContact, List<Need> needs, List<Support> supports, List<FollowUp> followUps)
    {
        Id = id;
        MunicipalityCode = municipalityCode;
        Details = details;
        Relationship = relationship;
        CaredFor = caredFor;
        RegisteredOn = registeredOn;
        ReferralId = referralId;
        ChildSituation = childSituation;
        SupportContact = supportContact;
        Needs = needs;
        Supports = supports;
        FollowUps = followUps;
    }

    public string Id { get; }
    public string MunicipalityCode { get; }
    public RelativeDetails Details { get; private set; }
    public Relationship Relationship { get; }
    public CaredForPerson CaredFor { get; }
    public DateOnly RegisteredOn { get; }
    public string? ReferralId { get; }
    public ChildSituation ChildSituation { get; }
    public string? SupportContact { get; private set; }
    public List<Need> Needs { get; }
    public List<Support> Supports { get; }
    public List<FollowUp> FollowUps { get; }

    // The relative's contact details are protected when they or the person they care for have
    // protected identity (a shared home is the common case).
    [JsonIgnore]
    public bool IsProtected => Details.ProtectedIdentity || CaredFor.ProtectedIdentity;

    // Open while there is no support yet or one is offered or started; closed when every support ended or was declined.
    [JsonIgnore]
    public RelativeState State =>
        Supports.Count > 0 && Supports.All(s => s.Status is SupportStatus.Ended or SupportStatus.Declined) ? RelativeState.Closed : RelativeState.Open;

    // A relative who asked on their own (or was referred): their own consent is the ground.
    public static Relative Register(string id, string municipalityCode, RelativeDetails details, Relationship relationship,
        CaredForPerson caredFor, bool consentToRegistration, DateOnly today, string? referralId = null,
        ChildSituation childSituation = ChildSituation.None, string? need = null)
    {
        if (!consentToRegistration)
        {
            throw RuleViolation.State("A relative is registered only with their own consent (consent_to_registration).",
                new PreconditionSubject("CONSENT", "RELATIVE_REGISTRATION"));
        }
        if (!Enum.IsDefined(relationship)) throw RuleViolation.Invalid("relationship", "relationship is required.");
        var relative = new Relative(id, municipalityCode, details, relationship, caredFor, today, referralId, childSituation, null, [], [], []);
        if (need is not null) relative.RecordNeed(need, today, today);
        return relative;
    }

    public void RecordNeed(string? text, DateOnly recordedOn, DateOnly today)
    {
        if (Needs.Count >= MaxNeeds) throw RuleViolation.State($"A relative has at most {MaxNeeds} recorded needs.");
        Needs.Add(new Need(Bounds.Required(text, "text", Bounds.FreeText), Bounds.Date(recordedOn, "recorded_on", today)));
    }

    public Support OfferSupport(string supportId, SupportForm form, DateOnly offeredOn, SupportCatalogue catalogue, DateOnly today)
    {
        if (!Enum.IsDefined(form)) throw RuleViolation.Invalid("form", "form is required.");
        if (!catalogue.Offers(form))
        {
            throw RuleViolation.State($"The support form {form} is not in municipality {MunicipalityCode}'s catalogue; add it with SetSupportCatalogue or choose another.",
                new PreconditionSubject("CATALOGUE", "SUPPORT_FORM_" + form.ToString().ToUpperInvariant()));
        }
        if (Supports.Count >= MaxSupports) throw RuleViolation.State($"A relative has at most {MaxSupports} support entries.");
        var support = new Support(supportId, form, SupportStatus.Offered, Bounds.Date(offeredOn, "offered_on", today), null, null);
        Supports.Add(support);
        return support;
    }

    // Offered -> Started -> Ended, or Offered -> Declined. Dates never before the previous step.
    public void RecordSupportProgress(string supportId, SupportStatus status, DateOnly on, DateOnly today)
    {
        var index = Supports.FindIndex(s => s.Id == supportId);
        if (index < 0) throw RuleViolation.NotFound("No support with that support_id on this relative.");
        var support = Supports[index];
        if (status is not (SupportStatus.Started or SupportStatus.Ended or SupportStatus.Declined))
        {
            throw RuleViolation.Invalid("status", "status must be STARTED, ENDED or DECLINED.");
        }
        if (!IsAllowed(support.Status, status)) throw RuleViolation.State($"A support that is {support.Status} cannot become {status}.");
        var previous = support.StartedOn ?? support.OfferedOn;
        if (Bounds.Date(on, "on", today) < previous) throw RuleViolation.Invalid("on", "on is before the support's previous date.");
        Supports[index] = status == SupportStatus.Started
            ? support with { Status = status, StartedOn = on }
            : support with { Status = status, EndedOn = on };
    }

    // Phone, email and address replaced by the values given (empty clears); name and number stay.
    public void UpdateContactDetails(string? phone, string? email, PostalAddress? address) =>
        Details = Details.WithContact(phone, email, address);

    public void AssignSupportContact(string? name) =>
        SupportContact = Bounds.Required(name, "support_contact", Bounds.SupportContact);

    public void RecordFollowUp(DateOnly on, string? note, DateOnly today)
    {
        if (FollowUps.Count >= MaxFollowUps) throw RuleViolation.State($"A relative has at most {MaxFollowUps} follow-ups.");
        if (on < RegisteredOn) throw RuleViolation.Invalid("followed_up_on", "followed_up_on is before the relative was registered.");
        FollowUps.Add(new FollowUp(Bounds.Date(on, "followed_up_on", today), Bounds.Required(note, "note", Bounds.FreeText)));
    }

    private static bool IsAllowed(SupportStatus from, SupportStatus to) =>
        (from, to) is (SupportStatus.Offered, SupportStatus.Started) or (SupportStatus.Offered, SupportStatus.Declined) or (SupportStatus.Started, SupportStatus.Ended);
}
