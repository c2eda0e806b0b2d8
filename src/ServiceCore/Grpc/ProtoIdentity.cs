using Samverkan.SharedKernel.Rules;
using ContractNumber = Samverkan.Contracts.Common.V1.PersonalIdentityNumber;
using DomainNumber = Samverkan.SharedKernel.Identity.PersonalIdentityNumber;

namespace Samverkan.ServiceCore.Grpc;

// samverkan.common.v1.PersonalIdentityNumber read into the validated domain value; an invalid
// number is INVALID_ARGUMENT naming the field (never echoing the number).
public static class ProtoIdentity
{
    public static DomainNumber PersonalIdentityNumber(ContractNumber? number, string field)
    {
        if (!DomainNumber.TryParse(number?.Value, out var parsed, out var error))
        {
            throw RuleViolation.Invalid(field, $"{field} {error}.");
        }
        return parsed;
    }
}
