namespace Samverkan.DischargeNotices.Domain.Consent;

// The consents in force, folded from the case's consent events in order: a grant makes its scopes
// active (until ValidUntil, if set); a withdrawal ends them. Consent is never inferred.
public sealed class ConsentState
{
    private readonly Dictionary<ConsentScope, DateTimeOffset?> _active = [];

    public void Grant(ConsentGrant grant)
    {
        foreach (var scope in grant.Scopes) _active[scope] = grant.ValidUntil;
    }

    public void Withdraw(IEnumerable<ConsentScope> scopes)
    {
        foreach (var scope in scopes) _active.Remove(scope);
    }

    public bool Covers(ConsentScope scope, DateTimeOffset at) =>
        _active.TryGetValue(scope, out var validUntil) && (validUntil is null || validUntil > at);

    public IReadOnlyList<ConsentScope> ScopesInForce(DateTimeOffset at) =>
        Enum.GetValues<ConsentScope>().Where(s => Covers(s, at)).ToList();
}
