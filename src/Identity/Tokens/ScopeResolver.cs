using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Tokens;

// Resolves the "scope" parameter against a client the way Keycloak does: the client's default
// scopes always apply, optional scopes apply when requested, "openid" switches on OpenID Connect,
// and anything else is invalid_scope.
public static class ScopeResolver
{
    public const string OpenId = "openid";
    public const string Organization = "organization";

    public static GrantedScopes? Resolve(RealmClient client, string? requested, RealmUser user, out string? error)
    {
        error = null;
        var applied = new List<RealmClientScope>(client.DefaultScopes);
        var claim = new List<string>();
        var openId = false;
        OrganizationSelection? organizations = client.DefaultScopes.Any(s => s.Name == Organization) ? OrganizationSelection.All : null;
        var organizationClaimName = Organization;
        var invalid = new List<string>();

        foreach (var scope in (requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
        {
            if (scope == OpenId)
            {
                openId = true;
            }
            else if (scope.StartsWith(Organization + ":", StringComparison.Ordinal) && Offers(client, Organization) is { } orgScope)
            {
                var alias = scope[(Organization.Length + 1)..];
                if (alias != "*" && !user.Organizations.Any(o => o.Alias == alias && o.Enabled))
                {
                    invalid.Add(scope);
                    continue;
                }
                organizations = alias == "*" ? OrganizationSelection.All : new OrganizationSelection(alias);
                organizationClaimName = scope;
                if (!applied.Contains(orgScope)) applied.Add(orgScope);
            }
            else if (Offers(client, scope) is { } clientScope)
            {
                if (!applied.Contains(clientScope)) applied.Add(clientScope);
                if (scope == Organization) organizations ??= OrganizationSelection.All;
            }
            else
            {
                invalid.Add(scope);
            }
        }

        if (invalid.Count > 0)
        {
            error = $"Invalid scopes: {string.Join(' ', invalid)}";
            return null;
        }

        if (openId) claim.Add(OpenId);
        foreach (var scope in applied.Where(s => s.IncludeInTokenScope))
        {
            claim.Add(scope.Name == Organization ? organizationClaimName : scope.Name);
        }
        return new GrantedScopes(applied, claim, organizations, openId, requested ?? "");
    }

    private static RealmClientScope? Offers(RealmClient client, string name) =>
        client.DefaultScopes.FirstOrDefault(s => s.Name == name) ?? client.OptionalScopes.FirstOrDefault(s => s.Name == name);
}
