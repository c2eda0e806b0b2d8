namespace Samverkan.SipPlans.Domain.Consent;

// Consent purposes as the contract spells them, for error messages.
public static class ConsentNames
{
    public static string ContractName(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Participation => "CONSENT_PURPOSE_PARTICIPATION",
        ConsentPurpose.InformationSharing => "CONSENT_PURPOSE_INFORMATION_SHARING",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose)),
    };
}
