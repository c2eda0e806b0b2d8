using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;

namespace Samverkan.DischargeNotices.Application.Access;

// Who may do what, decided from the caller's token and the case (never from request fields alone):
// - reading needs discharge-sender or discharge-receiver, and the case must be visible:
//   staff see cases in which their unit is the sender or a recipient; system accounts see cases in
//   which any unit of their organisation takes part; a municipality never sees a case of another
//   municipality's resident;
// - sending notices needs discharge-sender and the acting unit must be the case's sending
//   (inpatient, region) unit;
// - receiving steps need discharge-receiver and a recipient unit of the case;
// - consent may be recorded by the sending unit or a recipient unit.
// A case the caller may not see is answered as not found, revealing nothing about it.
public sealed class CaseAccess(UnitDirectory directory)
{
    public static void RequireReader(CallerIdentity caller)
    {
        if (!caller.HasAnyRole(PlatformRoles.DischargeSender, PlatformRoles.DischargeReceiver))
        {
            throw CaseRuleViolation.Denied($"Reading discharge cases requires the role {PlatformRoles.DischargeSender} or {PlatformRoles.DischargeReceiver}.");
        }
    }

    public static bool CanSee(CallerIdentity caller, DischargeCase @case)
    {
        if (caller.OrganisationKind == OrganisationKind.Municipality && @case.ResidenceMunicipality != caller.OrganisationCode)
        {
            return false;
        }
        return caller.IsServiceAccount
            ? @case.ParticipatingOrganisations.Contains(caller.OrganisationCode)
            : caller.UnitId is { } unit && @case.ParticipatingUnits.Contains(unit);
    }

    public static DischargeCase RequireVisible(CallerIdentity caller, DischargeCase? @case, string caseId)
    {
        if (@case is null || !CanSee(caller, @case))
        {
            throw CaseRuleViolation.NotFound($"No discharge case {caseId} that you may see.");
        }
        return @case;
    }

    // The unit a call acts for. Staff: the unit in their token (a differing acting_unit is refused).
    // System accounts: the unit they name, which must belong to their organisation.
    public DirectoryUnit ActingUnit(CallerIdentity caller, string? requestedUnitId) => new Samverkan.ServiceCore.Access.ActingUnits(directory).Resolve(caller, requestedUnitId);

    // Only inpatient staff of the region (or the region's systems) send notices.
    public DirectoryUnit RequireSendingUnit(CallerIdentity caller, string? requestedUnitId)
    {
        if (!caller.HasRole(PlatformRoles.DischargeSender))
        {
            throw CaseRuleViolation.Denied($"Sending discharge notices requires the role {PlatformRoles.DischargeSender} (inpatient staff of the region).");
        }
        var unit = ActingUnit(caller, requestedUnitId);
        if (unit.Kind != UnitKind.Inpatient || caller.OrganisationKind != OrganisationKind.Region)
        {
            throw CaseRuleViolation.Denied($"Unit {unit.Id} is not an inpatient unit of the region; only inpatient care sends discharge notices.");
        }
        return unit;
    }

    public static void RequireSenderOf(DirectoryUnit unit, DischargeCase @case)
    {
        if (unit.Id != @case.SendingUnitId)
        {
            throw CaseRuleViolation.Denied($"Only the sending unit ({@case.SendingUnitId}) sends notices for this case.");
        }
    }

    public DirectoryUnit RequireRecipientUnit(CallerIdentity caller, string? requestedUnitId, DischargeCase @case)
    {
        if (!caller.HasRole(PlatformRoles.DischargeReceiver))
        {
            throw CaseRuleViolation.Denied($"This step requires the role {PlatformRoles.DischargeReceiver} (staff of a receiving unit).");
        }
        var unit = ActingUnit(caller, requestedUnitId);
        if (!@case.Recipients.Any(r => r.UnitId == unit.Id))
        {
            throw CaseRuleViolation.Denied($"Unit {unit.Id} is not a recipient of this case.");
        }
        return unit;
    }

    public DirectoryUnit RequireParticipantUnit(CallerIdentity caller, string? requestedUnitId, DischargeCase @case)
    {
        RequireReader(caller);
        var unit = ActingUnit(caller, requestedUnitId);
        var isSender = unit.Id == @case.SendingUnitId && caller.HasRole(PlatformRoles.DischargeSender);
        var isRecipient = @case.Recipients.Any(r => r.UnitId == unit.Id) && caller.HasRole(PlatformRoles.DischargeReceiver);
        if (!isSender && !isRecipient)
        {
            throw CaseRuleViolation.Denied($"Unit {unit.Id} is neither the sending unit nor a recipient of this case.");
        }
        return unit;
    }

    // Acknowledging: any unit that takes or took part (a removed recipient acknowledges the notice
    // that removed it; the earlier sending unit the notices addressed to it).
    public DirectoryUnit RequireTakingPartUnit(CallerIdentity caller, string? requestedUnitId, DischargeCase @case)
    {
        RequireReader(caller);
        var unit = ActingUnit(caller, requestedUnitId);
        if (!@case.ParticipatingUnits.Contains(unit.Id))
        {
            throw CaseRuleViolation.Denied($"Unit {unit.Id} takes no part in this case.");
        }
        return unit;
    }

    // The unit a case moves to: an inpatient unit of the same region in the unit directory.
    public DirectoryUnit RequireInpatientUnit(string? unitId, string field)
    {
        var unit = string.IsNullOrWhiteSpace(unitId) ? null : directory.FindUnit(unitId);
        if (unit is null || unit.Kind != UnitKind.Inpatient)
        {
            throw CaseRuleViolation.Invalid(field, $"{field} must name an inpatient unit in the unit directory.");
        }
        return unit;
    }

    // The units whose notices a list or stream shows: staff their own unit; systems their whole
    // organisation, or one of its units when named.
    public NoticeScope ListingScope(CallerIdentity caller, string? requestedUnitId)
    {
        RequireReader(caller);
        if (!caller.IsServiceAccount || !string.IsNullOrWhiteSpace(requestedUnitId))
        {
            return NoticeScope.ForUnit(caller.OrganisationCode, ActingUnit(caller, requestedUnitId).Id);
        }
        return NoticeScope.ForOrganisation(caller.OrganisationCode);
    }
}
