using Samverkan.SharedKernel.Directory;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.RelativeSupport.Application;

// Who may do what. Checked by the service on every call (the gateway's role check is only the
// first wall). Resources of another organisation are NOT_FOUND, so their existence is not disclosed.
public sealed class RelativeAccess(UnitDirectory directory)
{
    // Care staff who notice relatives and refer them: ward, psychiatry, primary care, home care.
    private static readonly string[] ReferrerRoles = [PlatformRoles.DischargeSender, PlatformRoles.DischargeReceiver, PlatformRoles.SipParticipant];

    // A relative consultant of the given municipality (which must exist).
    public string Consultant(CallerIdentity caller, string? municipalityCode, string field = "municipality_code")
    {
        var municipality = Municipality(municipalityCode, field);
        if (!caller.HasRole(PlatformRoles.RelativeConsultant) || caller.OrganisationKind != OrganisationKind.Municipality)
        {
            throw RuleViolation.Denied("This call is for relative consultants (role relative-consultant) of a municipality.");
        }
        if (caller.OrganisationCode != municipality)
        {
            throw RuleViolation.Denied($"Relative consultants act only for their own municipality ({caller.OrganisationCode}).");
        }
        return municipality;
    }

    // The consultant may see a resource of this municipality; other municipalities' resources do not exist for them.
    public void SeeOwn(CallerIdentity caller, string resourceMunicipality, string what)
    {
        if (!caller.HasRole(PlatformRoles.RelativeConsultant) || caller.OrganisationKind != OrganisationKind.Municipality)
        {
            throw RuleViolation.Denied("This call is for relative consultants (role relative-consultant) of a municipality.");
        }
        if (caller.OrganisationCode != resourceMunicipality) throw RuleViolation.NotFound($"No {what} with that id.");
    }

    // The referring unit: a unit of the caller's own organisation, the caller's own unit when the token names one.
    public DirectoryUnit Referrer(CallerIdentity caller, string? unitId)
    {
        if (!caller.HasAnyRole(ReferrerRoles))
        {
            throw RuleViolation.Denied($"Referrals are sent by care staff (one of the roles {string.Join(", ", ReferrerRoles)}).");
        }
        var unit = directory.FindUnit(unitId?.Trim())
            ?? throw RuleViolation.Invalid("referring_unit_id", "referring_unit_id is not a unit in the unit directory.");
        if (unit.OrganisationCode != caller.OrganisationCode || (caller.UnitId is { Length: > 0 } own && own != unit.Id))
        {
            throw RuleViolation.Denied("referring_unit_id must be the caller's own unit.");
        }
        return unit;
    }

    // Statistics: analysts for any municipality, consultants for their own.
    public string Statistics(CallerIdentity caller, string? municipalityCode)
    {
        var municipality = Municipality(municipalityCode, "municipality_code");
        if (caller.HasRole(PlatformRoles.Analyst)) return municipality;
        return Consultant(caller, municipality);
    }

    public string Municipality(string? code, string field) =>
        directory.FindMunicipality(code?.Trim())?.Code
            ?? throw RuleViolation.Invalid(field, $"{field} is not a municipality code of the unit directory (SCB code, e.g. 2080).");
}
