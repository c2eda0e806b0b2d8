namespace Samverkan.RelativeSupport.Domain.Relatives;

// Where letters reach the relative (invitations to groups, information). Part of the contact
// details: never shown to anyone but the registering municipality's consultants when the relative
// or the cared-for person has protected identity.
public sealed record PostalAddress(string Street, string PostalCode, string City)
{
    // None when every part is empty; otherwise every part is required.
    public static PostalAddress? Create(string? street, string? postalCode, string? city, string prefix)
    {
        if (string.IsNullOrWhiteSpace(street) && string.IsNullOrWhiteSpace(postalCode) && string.IsNullOrWhiteSpace(city)) return null;
        var code = Bounds.Required(postalCode, prefix + "postal_code", Bounds.PostalCode).Replace(" ", "", StringComparison.Ordinal);
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
        {
            throw RuleViolation.Invalid(prefix + "postal_code", $"{prefix}postal_code must be a Swedish postal code of 5 digits (e.g. 781 70).");
        }
        return new PostalAddress(Bounds.Required(street, prefix + "street", Bounds.Street), code, Bounds.Required(city, prefix + "city", Bounds.City));
    }
}
