namespace Samverkan.SipPlans.Domain.Consent;

// One consent as given: who gave it, to which organisations, for which purposes, from when and until
// when. Withdrawals are recorded against it (per organisation) and never erase it: the history stays.
public sealed record ConsentGrant(
    string Id,
    ConsentGiver Giver,
    ConsentForm Form,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<ConsentPurpose> Purposes,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidUntil,
    Actor RecordedBy)
{
    public bool InForceAt(DateTimeOffset at) => ValidFrom <= at && (ValidUntil is null || at < ValidUntil);
}
