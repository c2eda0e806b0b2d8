namespace Samverkan.Identity.Realm;

// A Keycloak organisation: here one huvudman (a municipality or the region), with the
// attributes code and kind that tokens carry.
public sealed record RealmOrganization(
    string Id,
    string Alias,
    string Name,
    bool Enabled,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes);
