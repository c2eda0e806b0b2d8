using Samverkan.SharedKernel.Identity;

namespace Samverkan.RelativeSupport.Domain.Relatives;

// The person the relative cares for. Their consent is NOT needed for the relative's support; so
// their identity is data minimisation's first candidate: kept only when the relative gives it and
// a reason it is needed is stated, otherwise only whether they are known to the platform.
// ProtectedIdentity: the cared-for person has skyddad identitet; the relative (who often shares their
// home) is then treated as protected too (Relative.IsProtected).
public sealed record CaredForPerson(bool KnownToPlatform, string? PersonalIdentityNumber, string? IdentityNeededReason, bool ProtectedIdentity = false)
{
    public static readonly CaredForPerson Unknown = new(false, null, null);

    // The number's date part must be a possible birth date on today (not later, at most 130 years
    // before), the same check ServiceCore's ProtoIdentity applies in the other services.
    public static CaredForPerson Create(bool knownToPlatform, string? personalIdentityNumber, string? identityNeededReason,
        bool protectedIdentity, DateOnly today)
    {
        var reason = Bounds.Optional(identityNeededReason, "cared_for.identity_needed_reason", Bounds.FreeText);
        if (string.IsNullOrWhiteSpace(personalIdentityNumber))
        {
            // A reason without an identity is meaningless free text about a third person: not kept.
            return new CaredForPerson(knownToPlatform, null, null, protectedIdentity);
        }
        if (!SharedKernel.Identity.PersonalIdentityNumber.TryParse(personalIdentityNumber, today, out var number, out var error))
        {
            throw RuleViolation.Invalid("cared_for.personal_identity_number", $"cared_for.personal_identity_number {error}.");
        }
        if (reason is null)
        {
            throw RuleViolation.Invalid("cared_for.identity_needed_reason",
                "The cared-for person's identity is stored only when it is needed: state why in cared_for.identity_needed_reason, or leave the number out.");
        }
        return new CaredForPerson(knownToPlatform, number.Value, reason, protectedIdentity);
    }

    // Never print the number or the reason through a record's generated ToString.
    public override string ToString() => "CaredForPerson";
}
