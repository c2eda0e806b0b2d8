namespace Samverkan.Identity.Realm;

// A client scope: a named set of protocol mappers. IncludeInTokenScope decides whether its name
// appears in the token's "scope" claim (Keycloak attribute include.in.token.scope).
public sealed record RealmClientScope(string Name, bool IncludeInTokenScope, IReadOnlyList<ProtocolMapper> Mappers);
