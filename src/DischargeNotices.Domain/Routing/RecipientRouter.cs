using Samverkan.SharedKernel.Directory;

namespace Samverkan.DischargeNotices.Domain.Routing;

// Routes an admission notice from the patient's municipality of residence and the needs the
// physician marked, using the unit directory instead of manually kept personnummer filters:
// - social services / municipal health care: the units of that kind in the residence municipality;
// - outpatient care: the region unit named by the sender (e.g. psychiatric outpatient care), or the
//   health centre serving the residence municipality;
// - municipal health care always brings outpatient care along (Lag 2017:612: "om kommunal
//   hälso- och sjukvård behövs går meddelandet alltid även till öppenvården").
public sealed class RecipientRouter(UnitDirectory directory)
{
    public IReadOnlyList<RecipientUnit> Route(string residenceMunicipality, IReadOnlyCollection<CareNeed> needs, string? outpatientUnitId)
    {
        var municipality = directory.FindMunicipality(residenceMunicipality)
            ?? throw CaseRuleViolation.Invalid("residence_municipality",
                $"{EchoedInput.Quote(residenceMunicipality)} is not a municipality code in the unit directory (four-digit SCB code, e.g. 2080).");

        var effective = new HashSet<CareNeed>(needs);
        if (effective.Contains(CareNeed.MunicipalHealthCare)) effective.Add(CareNeed.OutpatientCare);

        var recipients = new List<RecipientUnit>();
        if (effective.Contains(CareNeed.SocialServices))
        {
            recipients.AddRange(MunicipalUnits(municipality, UnitKind.SocialServices, RecipientKind.SocialServices));
        }
        if (effective.Contains(CareNeed.MunicipalHealthCare))
        {
            recipients.AddRange(MunicipalUnits(municipality, UnitKind.MunicipalHealthCare, RecipientKind.MunicipalHealthCare));
        }
        if (effective.Contains(CareNeed.OutpatientCare))
        {
            recipients.Add(OutpatientUnit(municipality, outpatientUnitId));
        }
        else if (!string.IsNullOrEmpty(outpatientUnitId))
        {
            throw CaseRuleViolation.Invalid("outpatient_unit", "outpatient_unit is set but outpatient care is not among the needs.");
        }
        return recipients;
    }

    private IEnumerable<RecipientUnit> MunicipalUnits(DirectoryOrganisation municipality, UnitKind kind, RecipientKind recipientKind)
    {
        var units = directory.UnitsOf(municipality.Code, kind);
        if (units.Count == 0)
        {
            throw CaseRuleViolation.State($"The unit directory lists no {kind} unit for municipality {municipality.Code}; contact the platform administration.");
        }
        return units.Select(u => new RecipientUnit(u.Id, u.OrganisationCode, recipientKind, u.Name));
    }

    private RecipientUnit OutpatientUnit(DirectoryOrganisation municipality, string? requestedUnitId)
    {
        if (!string.IsNullOrEmpty(requestedUnitId))
        {
            var requested = directory.FindUnit(requestedUnitId);
            if (requested is null || requested.Kind != UnitKind.Outpatient
                || directory.FindOrganisation(requested.OrganisationCode)?.Kind != PrincipalKind.Region)
            {
                throw CaseRuleViolation.Invalid("outpatient_unit", $"{EchoedInput.Quote(requestedUnitId)} is not an outpatient unit of the region in the unit directory.");
            }
            return new RecipientUnit(requested.Id, requested.OrganisationCode, RecipientKind.OutpatientCare, requested.Name);
        }

        var serving = directory.UnitsServing(municipality.Code, UnitKind.Outpatient).FirstOrDefault()
            ?? throw CaseRuleViolation.State($"No outpatient unit serves municipality {municipality.Code} in the unit directory; name one in outpatient_unit.");
        return new RecipientUnit(serving.Id, serving.OrganisationCode, RecipientKind.OutpatientCare, serving.Name);
    }
}
