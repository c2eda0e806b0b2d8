namespace Samverkan.DischargeNotices.Domain.Consent;

// One consent as given: the scopes, when, how, by whom, and until when if time-limited.
public sealed record ConsentGrant(
    IReadOnlyList<ConsentScope> Scopes,
    DateTimeOffset GivenAt,
    ConsentForm Form,
    ConsentGiver Giver,
    DateTimeOffset? ValidUntil);
