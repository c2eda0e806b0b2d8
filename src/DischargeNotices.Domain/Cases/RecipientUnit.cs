namespace Samverkan.DischargeNotices.Domain.Cases;

// A receiving unit of a case, resolved from the unit directory when the admission notice is sent.
public sealed record RecipientUnit(string UnitId, string OrganisationCode, RecipientKind Kind, string UnitName);
