using Samverkan.SharedKernel.Identity;

namespace Samverkan.DischargeNotices.Domain.Cases;

// The patient as named in the admission notice. ProtectedIdentity (skyddad folkbokföring,
// sekretessmarkering): the address is never disclosed and the case is left out of broad lists.
public sealed record Patient(
    PersonalIdentityNumber PersonalIdentityNumber,
    string GivenName,
    string FamilyName,
    PostalAddress? RegisteredAddress,
    bool ProtectedIdentity)
{
    // Record ToString would print the personnummer and the name: never do that.
    public override string ToString() => $"Patient {PersonalIdentityNumber}";
}
