using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;

namespace Samverkan.Portal.Forms;

// Upptäck behov: a new SIP plan as the unit that discovered the need fills it in, from scratch or
// prefilled from a discharge case. The service checks every rule again.
public sealed class SipPlanForm
{
    public const int MaxNameLength = 200;
    public const int MaxNeedLength = 8_000;

    public string PersonalIdentityNumber { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public bool ProtectedIdentity { get; set; }
    public InitiatorKind Initiator { get; set; } = InitiatorKind.MunicipalUnit;
    public ProposerKind ProposedBy { get; set; } = ProposerKind.Unspecified;
    public string NeedDescription { get; set; } = "";

    // Set when the plan is started from a discharge case (shown, not sent: the contract links
    // plans to cases only through the discharge service's own event).
    public string? DischargeCaseId { get; set; }

    // One request id per form: a double click or a retry after a lost answer starts one plan.
    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (PersonnummerRule.Check(PersonalIdentityNumber, out _) is { } pnr) errors["personnummer"] = pnr;
        if (!ProtectedIdentity || GivenName.Length + FamilyName.Length > 0)
        {
            SipRules.Required(errors, "fornamn", GivenName, MaxNameLength, "Fyll i personens förnamn.");
            SipRules.Required(errors, "efternamn", FamilyName, MaxNameLength, "Fyll i personens efternamn.");
        }
        SipRules.Required(errors, "behov", NeedDescription, MaxNeedLength,
            "Beskriv behovet: vilka insatser från både socialtjänst och hälso- och sjukvård personen behöver samordnade.");
        return errors;
    }

    // Only called when Validate found nothing.
    public InitiatePlanRequest ToRequest()
    {
        PersonnummerRule.Check(PersonalIdentityNumber, out var number);
        return new InitiatePlanRequest
        {
            RequestId = RequestId,
            Person = new Person
            {
                PersonalIdentityNumber = new Contracts.Common.V1.PersonalIdentityNumber { Value = number!.Value },
                GivenName = GivenName.Trim(),
                FamilyName = FamilyName.Trim(),
                ProtectedIdentity = ProtectedIdentity,
            },
            Initiator = Initiator,
            ProposedBy = ProposedBy,
            NeedDescription = NeedDescription.Trim(),
        };
    }
}
