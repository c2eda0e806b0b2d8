using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Tokens;

// The outcome of a scope request: the client scopes whose mappers apply, the value of the token's
// "scope" claim, and the organisation selection. RequestedScope is kept in codes and refresh
// tokens so a refresh grants exactly what was granted at login.
public sealed record GrantedScopes(
    IReadOnlyList<RealmClientScope> ClientScopes,
    IReadOnlyList<string> ScopeClaim,
    OrganizationSelection? Organizations,
    bool OpenId,
    string RequestedScope);
