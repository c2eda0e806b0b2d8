using Samverkan.RelativeSupport.Domain.Relatives;

namespace Samverkan.RelativeSupport.Domain.Catalogue;

// The support forms one municipality offers. A municipality that has not set one offers every form
// (the law requires support, not particular forms; the default keeps a new municipality working).
public sealed record SupportCatalogue(string MunicipalityCode, IReadOnlyList<SupportForm> Forms)
{
    public static SupportCatalogue Default(string municipalityCode) => new(municipalityCode, Enum.GetValues<SupportForm>());

    public static SupportCatalogue Create(string municipalityCode, IReadOnlyCollection<SupportForm> forms)
    {
        if (forms.Count == 0) throw RuleViolation.Invalid("forms", "forms must name at least one support form.");
        if (forms.Any(f => !Enum.IsDefined(f))) throw RuleViolation.Invalid("forms", "forms contains an unspecified or unknown support form.");
        if (forms.Distinct().Count() != forms.Count) throw RuleViolation.Invalid("forms", "forms lists a support form twice.");
        return new SupportCatalogue(municipalityCode, forms.Order().ToList());
    }

    public bool Offers(SupportForm form) => Forms.Contains(form);
}
