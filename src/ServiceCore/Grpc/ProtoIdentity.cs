using Samverkan.SharedKernel.Rules;
using ContractNumber = Samverkan.Contracts.Common.V1.PersonalIdentityNumber;
using DomainNumber = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

namespace Samverkan.ServiceCore.Grpc;

// samverkan.common.v1.PersonalIdentityNumber read into the validated domain value; an invalid
// number is INVALID_ARGUMENT naming the field (never echoing the number). today: the Swedish date on
// which the number's date part must be a possible birth date (not later, at most 130 years before),
// so a person "born" in 2090 is refused by every service alike.
public static class ProtoIdentity
{
    public static DomainNumber PersonalIdentityNumber(ContractNumber? number, string field, DateOnly today)
    {
        if (!DomainNumber.TryParse(number?.Value, today, out var parsed, out var error))
        {
            throw RuleViolation.Invalid(field, $"{field} {error}.");
        }
        return parsed;
    }
}
