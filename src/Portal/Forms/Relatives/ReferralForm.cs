using Samverkan.Contracts.Relatives.V1;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.Portal.Forms.Relatives;

// A referral (hänvisning) of a relative to the municipality where they live, as a ward or a
// municipal care unit sends it. It crosses a secrecy boundary, so the relative's consent (a
// child's: the guardian's) is required; a child as relative names the parent's situation.
public sealed class ReferralForm
{
    public const int MaxNeed = 2_000;

    public RelativePerson Person { get; } = new();
    public string MunicipalityCode { get; set; } = "";
    public ChildSituation ChildSituation { get; set; } = ChildSituation.Unspecified;
    public string Need { get; set; } = "";
    public bool ConsentGiven { get; set; }

    // One request id for the form's lifetime: a double click or a retry sends one referral.
    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate(DateOnly today, UnitDirectory directory)
    {
        var errors = new Dictionary<string, string>();
        Person.Validate(errors, today);
        if (directory.FindMunicipality(MunicipalityCode) is null) errors["kommun"] = "Välj kommunen där den anhörige bor; hänvisningen går till dess anhörigstöd.";
        if (Person.IsChild(today) && ChildSituation == ChildSituation.Unspecified)
        {
            errors["barnsituation"] = "Den anhörige är ett barn: välj förälderns situation (hälso- och sjukvårdslagen 5 kap. 7 §).";
        }
        if (Need.Length > MaxNeed) errors["behov"] = $"Högst {MaxNeed} tecken; nu {Need.Length}. Korta texten.";
        if (!ConsentGiven)
        {
            errors["samtycke"] = "Hänvisningen kräver den anhöriges samtycke (för ett barn: vårdnadshavarens). Fråga innan du skickar.";
        }
        return errors;
    }

    public ReferRelativeRequest ToRequest(string unitId, DateOnly today) => new()
    {
        RequestId = RequestId,
        ReferringUnitId = unitId,
        ToMunicipalityCode = MunicipalityCode,
        Relative = Person.ToDetails(today),
        Relationship = Person.Relationship,
        ConsentGiven = ConsentGiven,
        ChildSituation = Person.IsChild(today) ? ChildSituation : ChildSituation.Unspecified,
        Need = Need.Trim(),
    };
}
