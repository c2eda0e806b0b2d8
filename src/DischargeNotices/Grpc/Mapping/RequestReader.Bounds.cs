using Proto = Samverkan.Contracts.Discharge.V1;

namespace Samverkan.DischargeNotices.Grpc.Mapping;

// Bounds of the fields read here (the domain bounds its own text fields, Domain/Cases/TextBounds.cs),
// and the telephone notice.
public static partial class RequestReader
{
    public const int MaxUnitIdLength = 64;
    public const int MaxPageTokenLength = 512;

    public static string? PageToken(string? token) =>
        string.IsNullOrEmpty(token) ? token : Bounded(token, MaxPageTokenLength, "page.page_token");

    public static TelephoneNotice? Telephone(Proto.TelephoneNotice? notice) => notice is null
        ? null
        : new TelephoneNotice(
            ProtoTime.Required(notice.GivenAt, "telephone_notice.given_at"),
            ProtoEnums.ToDomain(notice.Reason, "telephone_notice.reason"));

    private static string Bounded(string value, int maxLength, string field) => value.Length <= maxLength
        ? value
        : throw RuleViolation.Invalid(field, $"{field} is longer than {maxLength} characters.");

    // "request.ActingUnit" → "acting_unit": the field in the contract's spelling.
    private static string FieldOf(string? expression)
    {
        var name = expression?.Split('.').LastOrDefault(part => part.Length > 0 && char.IsUpper(part[0])) ?? "unit";
        return string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }
}
