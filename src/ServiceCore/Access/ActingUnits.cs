using Samverkan.ServiceDefaults.Authorization;
using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Rules;
using Samverkan.SharedKernel.Text;

namespace Samverkan.ServiceCore.Access;

// The unit a changing call acts for, the same in every service. Staff: the unit in their token (a
// differing acting_unit is refused). System accounts: the unit they name, which must belong to
// their organisation.
public sealed class ActingUnits(UnitDirectory directory)
{
    public DirectoryUnit Resolve(CallerIdentity caller, string? requestedUnitId)
    {
        DirectoryUnit? unit;
        if (caller.IsServiceAccount)
        {
            if (string.IsNullOrWhiteSpace(requestedUnitId))
            {
                throw RuleViolation.Invalid("acting_unit", "System accounts name the unit they act for in acting_unit.");
            }
            unit = directory.FindUnit(requestedUnitId)
                ?? throw RuleViolation.Invalid("acting_unit", $"{EchoedInput.Quote(requestedUnitId)} is not a unit in the unit directory.");
        }
        else
        {
            if (caller.UnitId is null)
            {
                throw RuleViolation.Denied("Your account has no unit; ask your organisation's administrator to set it.");
            }
            if (!string.IsNullOrWhiteSpace(requestedUnitId) && requestedUnitId != caller.UnitId)
            {
                throw RuleViolation.Denied($"You act for unit {caller.UnitId}; acting_unit names another unit.");
            }
            unit = directory.FindUnit(caller.UnitId)
                ?? throw RuleViolation.Denied($"Your unit {caller.UnitId} is not in the unit directory.");
        }

        if (unit.OrganisationCode != caller.OrganisationCode)
        {
            throw RuleViolation.Denied($"Unit {unit.Id} does not belong to your organisation ({caller.OrganisationCode}).");
        }
        return unit;
    }
}
