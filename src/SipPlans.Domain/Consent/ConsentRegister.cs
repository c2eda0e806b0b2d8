namespace Samverkan.SipPlans.Domain.Consent;

// Every consent of a plan and every withdrawal, folded in order. An organisation is covered for a
// purpose at a time when a grant in force names it and the purpose and was not withdrawn for it
// by then. Consent is never inferred.
public sealed class ConsentRegister
{
    private readonly List<ConsentGrant> _grants = [];
    private readonly Dictionary<(string Grant, string Organisation), DateTimeOffset> _withdrawals = [];

    public IReadOnlyList<ConsentGrant> Grants => _grants;

    public bool HasAny => _grants.Count > 0;

    public void Grant(ConsentGrant grant) => _grants.Add(grant);

    public void Withdraw(string grantId, IEnumerable<string> organisations, DateTimeOffset at)
    {
        foreach (var organisation in organisations) _withdrawals.TryAdd((grantId, organisation), at);
    }

    public ConsentGrant? Find(string grantId) => _grants.FirstOrDefault(g => g.Id == grantId);

    public DateTimeOffset? WithdrawnAt(string grantId, string organisation) =>
        _withdrawals.TryGetValue((grantId, organisation), out var at) ? at : null;

    // The organisations of a grant still covered (not withdrawn) at a time.
    public IReadOnlyList<string> RemainingOrganisations(ConsentGrant grant, DateTimeOffset at) =>
        grant.Organisations.Where(o => WithdrawnAt(grant.Id, o) is not { } w || w > at).ToList();

    public bool Covers(string organisation, ConsentPurpose purpose, DateTimeOffset at) =>
        _grants.Any(g => g.InForceAt(at) && g.Purposes.Contains(purpose)
            && g.Organisations.Contains(organisation) && (WithdrawnAt(g.Id, organisation) is not { } w || w > at));

    public IReadOnlyList<string> CoveredOrganisations(ConsentPurpose purpose, DateTimeOffset at) =>
        _grants.SelectMany(g => g.Organisations).Distinct().Where(o => Covers(o, purpose, at)).ToList();

    // True when some grant is in force for some organisation and purpose.
    public bool AnyInForce(DateTimeOffset at) =>
        _grants.Any(g => g.InForceAt(at) && RemainingOrganisations(g, at).Count > 0);
}
