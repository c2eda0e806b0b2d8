using Samverkan.SharedKernel.Identity;

namespace Samverkan.RelativeSupport.Domain.Relatives;

// The person the relative cares for. Their consent is NOT needed for the relative's support; so
// their identity is data minimisation's first candidate: kept only when the relative gives it and
// a reason it is needed is stated, otherwise only whether they are known to the platform.
public sealed record CaredForPerson(bool KnownToPlatform, string? PersonalIdentityNumber, string? IdentityNeededReason)
{
    public static readonly CaredForPerson Unknown = new(false, null, null);

    public static CaredForPerson Create(bool knownToPlatform, string? personalIdentityNumber, string? identityNeededReason)
    {
        var reason = Bounds.Optional(identityNeededReason, "cared_for.identity_needed_reason", Bounds.FreeText);
        if (string.IsNullOrWhiteSpace(personalIdentityNumber))
        {
            // A reason without an identity is meaningless free text about a third person: not kept.
            return new CaredForPerson(knownToPlatform, null, null);
        }
        if (!SharedKernel.Identity.PersonalIdentityNumber.TryParse(personalIdentityNumber, out var number, out var error))
        {
            throw RuleViolation.Invalid("cared_for.personal_identity_number", $"cared_for.personal_identity_number {error}.");
        }
        if (reason is null)
        {
            throw RuleViolation.Invalid("cared_for.identity_needed_reason",
                "The cared-for person's identity is stored only when it is needed: state why in cared_for.identity_needed_reason, or leave the number out.");
        }
        return new CaredForPerson(knownToPlatform, number.Value, reason);
    }
}
