namespace Samverkan.DischargeNotices.Domain.Consent;

// Names of consent scopes in error messages: the contract's enum name and the Swedish term.
public static class ConsentNames
{
    public static string ContractName(ConsentScope scope) => scope switch
    {
        ConsentScope.SendNotices => "CONSENT_SCOPE_SEND_NOTICES",
        ConsentScope.TransferInformation => "CONSENT_SCOPE_TRANSFER_INFORMATION",
        ConsentScope.Sip => "CONSENT_SCOPE_SIP",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    public static string Describe(ConsentScope scope) => scope switch
    {
        ConsentScope.SendNotices => "sending notices (CONSENT_SCOPE_SEND_NOTICES, samtycke till meddelanden)",
        ConsentScope.TransferInformation => "transferring information (CONSENT_SCOPE_TRANSFER_INFORMATION, samtycke till informationsöverföring)",
        ConsentScope.Sip => "a SIP (CONSENT_SCOPE_SIP, samtycke till samordnad individuell plan)",
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };
}
