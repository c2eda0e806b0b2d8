using Samverkan.Contracts.Audit.V1;

namespace Samverkan.AccessLog.Chain;

// Which review flags an access record carries. "Outside own unit" can only be known when the
// producing service names the unit that owns the resource (record.resource_unit_id); the log
// never guesses, so a record without it is not flagged.
public static class AccessFlags
{
    public static IReadOnlyList<AccessFlag> Of(AccessRecord record)
    {
        var flags = new List<AccessFlag>(3);
        var otherOrganisation = record.ResourceOrganisationCode.Length > 0
            && !string.Equals(record.ResourceOrganisationCode, record.OrganisationCode, StringComparison.Ordinal);
        var otherUnit = otherOrganisation
            || (record.ResourceUnitId.Length > 0 && !string.Equals(record.ResourceUnitId, record.UnitId, StringComparison.Ordinal));
        if (otherUnit) flags.Add(AccessFlag.OutsideOwnUnit);
        if (otherOrganisation) flags.Add(AccessFlag.OutsideOwnOrganisation);
        if (record.ProtectedIdentity) flags.Add(AccessFlag.ProtectedIdentity);
        return flags;
    }
}
