using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.PersonalOmbudsmen.Application.Access;

// Who may do what, from the caller's token only (never from request fields):
// - assignments: role personal-ombudsman, staff (not a system account) of a PO unit of a
//   municipality, and only that municipality's assignments of that unit. Nobody else — other
//   roles, other organisations, the region, auditors, administrators, systems — ever reads one;
// - deficiencies: reported by such a PO; read by the municipality's PO staff and steering group;
//   reviewed and marked forwarded by the steering group (po-steering-group) of the municipality;
// - the annual follow-up: analysts for any municipality and the county; PO staff and the
//   steering group for their own municipality and the county.
public sealed class OmbudAccess(UnitDirectory directory)
{
    // The caller's PO unit; PermissionDenied for anyone who is not PO staff of a municipality.
    public DirectoryUnit RequireOmbudsman(CallerIdentity caller)
    {
        if (!caller.HasRole(PlatformRoles.PersonalOmbudsman))
        {
            throw OmbudRuleViolation.Denied($"Personal ombudsman assignments are open only to the role {PlatformRoles.PersonalOmbudsman} (PO staff of the client's municipality).");
        }
        if (caller.IsServiceAccount)
        {
            throw OmbudRuleViolation.Denied("Personal ombudsman assignments are not open to system accounts; a PO works in person, on the client's mandate.");
        }
        var unit = directory.FindUnit(caller.UnitId);
        if (unit is not { Kind: UnitKind.PersonalOmbudsman } || unit.OrganisationCode != caller.OrganisationCode
            || caller.OrganisationKind != OrganisationKind.Municipality)
        {
            throw OmbudRuleViolation.Denied($"Your unit ({caller.UnitId ?? "none"}) is not a personal ombudsman unit of your municipality.");
        }
        return unit;
    }

    // The caller's PO unit, which must be the one that holds the assignment. Decided from the id
    // before anything is read.
    public DirectoryUnit RequireAssignment(CallerIdentity caller, string? assignmentId)
    {
        var unit = RequireOmbudsman(caller);
        var municipality = MunicipalIds.MunicipalityOf(assignmentId);
        if (municipality != unit.OrganisationCode)
        {
            throw OmbudRuleViolation.Denied("The assignment belongs to another municipality's personal ombudsmen; only the PO unit of the client's municipality sees it.");
        }
        return unit;
    }

    // After loading: the assignment must be held by the caller's unit.
    public static void RequireHolder(DirectoryUnit unit, string holdingUnitId)
    {
        if (unit.Id != holdingUnitId)
        {
            throw OmbudRuleViolation.Denied($"The assignment is held by unit {holdingUnitId}, not yours.");
        }
    }

    public static string RequireSteeringGroup(CallerIdentity caller)
    {
        if (!caller.HasRole(PlatformRoles.PoSteeringGroup) || caller.OrganisationKind != OrganisationKind.Municipality)
        {
            throw OmbudRuleViolation.Denied($"Reviewing system deficiencies requires the role {PlatformRoles.PoSteeringGroup} in a municipality.");
        }
        return caller.OrganisationCode;
    }

    // The municipality whose deficiencies the caller may read.
    public string RequireDeficiencyReader(CallerIdentity caller) =>
        caller.HasRole(PlatformRoles.PoSteeringGroup) ? RequireSteeringGroup(caller) : RequireOmbudsman(caller).OrganisationCode;

    // municipalityCode null = the county.
    public void RequireFollowUpReader(CallerIdentity caller, string? municipalityCode)
    {
        if (caller.HasRole(PlatformRoles.Analyst)) return;
        if (caller.HasAnyRole(PlatformRoles.PoSteeringGroup, PlatformRoles.PersonalOmbudsman) && caller.OrganisationKind == OrganisationKind.Municipality)
        {
            if (municipalityCode is null || municipalityCode == caller.OrganisationCode) return;
            throw OmbudRuleViolation.Denied("You may read the follow-up of your own municipality and of the county; another municipality's needs the role analyst.");
        }
        throw OmbudRuleViolation.Denied($"The annual follow-up requires the role {PlatformRoles.Analyst}, {PlatformRoles.PoSteeringGroup} or {PlatformRoles.PersonalOmbudsman}.");
    }
}
