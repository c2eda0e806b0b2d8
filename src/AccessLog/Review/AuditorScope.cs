using Samverkan.SharedKernel.Directory;
using Samverkan.Contracts.Audit.V1;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.AccessLog.Review;

// What an auditor may see (logguppföljning is each principal's own duty, and secrecy applies
// between principals): the accesses made by users of the auditor's own organisation, whichever
// person or resource they concern. Never another organisation's users, even about the same person.
public static class AuditorScope
{
    public static bool MaySee(CallerIdentity auditor, AccessRecord record) =>
        auditor.HasRole(PlatformRoles.Auditor)
        && !string.IsNullOrEmpty(auditor.OrganisationCode)
        && string.Equals(record.OrganisationCode, auditor.OrganisationCode, StringComparison.Ordinal);

    public static UnitCheck CheckUnit(CallerIdentity auditor, string unitId, UnitDirectory directory)
    {
        var unit = directory.FindUnit(unitId);
        if (unit is null) return UnitCheck.Unknown;
        return string.Equals(unit.OrganisationCode, auditor.OrganisationCode, StringComparison.Ordinal)
            ? UnitCheck.OwnOrganisation
            : UnitCheck.OtherOrganisation;
    }
}
