using System.Globalization;
using System.Text.Json.Nodes;
using Samverkan.Identity.Realm;

namespace Samverkan.Identity.Tokens;

// Runs the protocol mappers of the granted client scopes (and of the client itself) the way
// Keycloak does, so the realm file alone decides what tokens carry. Mapper types this server
// does not know add nothing (they are listed at start, see RealmStartupReport).
public static class ProtocolMapperEvaluator
{
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>
    {
        "oidc-sub-mapper", "oidc-usermodel-attribute-mapper", "oidc-usermodel-property-mapper", "oidc-full-name-mapper",
        "oidc-usermodel-realm-role-mapper", "oidc-usermodel-client-role-mapper", "oidc-audience-mapper",
        "oidc-audience-resolve-mapper", "oidc-organization-membership-mapper", "oidc-usersessionmodel-note-mapper",
        "oidc-acr-mapper", "oidc-allowed-origins-mapper", "oidc-hardcoded-claim-mapper",
    };

    public static TokenContent Evaluate(RealmModel realm, RealmUser user, RealmClient client, GrantedScopes grant, LoginSession session)
    {
        var content = new TokenContent();
        foreach (var mapper in grant.ClientScopes.SelectMany(s => s.Mappers).Concat(client.ProtocolMappers))
        {
            Apply(mapper, content, realm, user, client, grant, session);
        }
        return content;
    }

    private static void Apply(ProtocolMapper mapper, TokenContent content, RealmModel realm, RealmUser user,
        RealmClient client, GrantedScopes grant, LoginSession session)
    {
        switch (mapper.Type)
        {
            case "oidc-sub-mapper":
                Set(content, mapper, "sub", JsonValue.Create(user.Id));
                break;

            case "oidc-usermodel-attribute-mapper":
            case "oidc-usermodel-property-mapper":
                var values = user.GetAttribute(mapper["user.attribute"] ?? "");
                if (values.Count == 0 || mapper["claim.name"] is not { Length: > 0 } claimName) break;
                JsonNode? value = mapper.IsOn("multivalued")
                    ? new JsonArray(values.Select(v => Typed(v, mapper["jsonType.label"])).ToArray())
                    : Typed(values[0], mapper["jsonType.label"]);
                Set(content, mapper, claimName, value);
                break;

            case "oidc-full-name-mapper":
                var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
                if (name.Length > 0) Set(content, mapper, "name", JsonValue.Create(name));
                break;

            case "oidc-usermodel-realm-role-mapper":
                if (user.RealmRoles.Count > 0)
                {
                    Set(content, mapper, mapper["claim.name"] ?? "realm_access.roles", StringArray(user.RealmRoles));
                }
                break;

            case "oidc-usermodel-client-role-mapper":
                var only = mapper["usermodel.clientRoleMapping.clientId"];
                foreach (var (roleClient, roles) in user.ClientRoles)
                {
                    if (roles.Count == 0 || (!string.IsNullOrEmpty(only) && only != roleClient)) continue;
                    var claim = (mapper["claim.name"] ?? "resource_access.${client_id}.roles").Replace("${client_id}", roleClient, StringComparison.Ordinal);
                    Set(content, mapper, claim, StringArray(roles));
                }
                break;

            case "oidc-audience-mapper":
                if (!mapper.InAccessToken) break;
                if (mapper["included.client.audience"] is { Length: > 0 } audienceClient && realm.Clients.ContainsKey(audienceClient))
                {
                    content.Audiences.Add(audienceClient);
                }
                if (mapper["included.custom.audience"] is { Length: > 0 } custom) content.Audiences.Add(custom);
                break;

            case "oidc-audience-resolve-mapper":
                // Every client the user holds client roles of is an audience, except the requester.
                content.Audiences.AddRange(user.ClientRoles.Where(r => r.Value.Count > 0 && r.Key != client.ClientId).Select(r => r.Key));
                break;

            case "oidc-organization-membership-mapper":
                if (OrganizationClaim(mapper, user, grant) is { } organizations)
                {
                    Set(content, mapper, mapper["claim.name"] ?? "organization", organizations);
                }
                break;

            case "oidc-usersessionmodel-note-mapper":
                if (SessionNote(mapper["user.session.note"], user, client, session) is { } note && mapper["claim.name"] is { Length: > 0 } noteClaim)
                {
                    Set(content, mapper, noteClaim, note);
                }
                break;

            case "oidc-acr-mapper":
                // Level 1: a single-factor login (this server knows no other).
                Set(content, mapper, "acr", JsonValue.Create("1"));
                break;

            case "oidc-allowed-origins-mapper":
                var origins = AllowedOrigins(client);
                if (origins.Count > 0) Set(content, mapper, "allowed-origins", StringArray(origins));
                break;

            case "oidc-hardcoded-claim-mapper":
                if (mapper["claim.name"] is { Length: > 0 } hardcoded && mapper["claim.value"] is { } hardcodedValue)
                {
                    Set(content, mapper, hardcoded, Typed(hardcodedValue, mapper["jsonType.label"]));
                }
                break;
        }
    }

    private static JsonNode? OrganizationClaim(ProtocolMapper mapper, RealmUser user, GrantedScopes grant)
    {
        // The mapper runs only when its scope applies; without an explicit organization:<alias>
        // every organisation of the user is granted (Keycloak's default-scope behaviour).
        var selection = grant.Organizations ?? OrganizationSelection.All;
        var organizations = user.Organizations.Where(o => o.Enabled && selection.Admits(o.Alias)).ToList();
        if (organizations.Count == 0) return null;

        var withId = mapper.IsOn("addOrganizationId");
        var withAttributes = mapper.IsOn("addOrganizationAttributes");
        if (!withId && !withAttributes) return StringArray(organizations.Select(o => o.Alias).ToList());

        var claim = new JsonObject();
        foreach (var organization in organizations)
        {
            var entry = new JsonObject();
            if (withId) entry["id"] = organization.Id;
            if (withAttributes)
            {
                foreach (var (key, list) in organization.Attributes) entry[key] = StringArray(list);
            }
            claim[organization.Alias] = entry;
        }
        return claim;
    }

    // Keycloak records client_id/clientHost/clientAddress only in service-account sessions.
    private static JsonNode? SessionNote(string? note, RealmUser user, RealmClient client, LoginSession session) => note switch
    {
        "AUTH_TIME" => JsonValue.Create(session.AuthTime.ToUnixTimeSeconds()),
        "client_id" when user.IsServiceAccount => JsonValue.Create(client.ClientId),
        "clientHost" or "clientAddress" when user.IsServiceAccount && session.ClientAddress is not null => JsonValue.Create(session.ClientAddress),
        _ => null,
    };

    private static List<string> AllowedOrigins(RealmClient client)
    {
        var origins = new List<string>();
        foreach (var origin in client.WebOrigins)
        {
            if (origin == "+")
            {
                foreach (var redirect in client.RedirectUris)
                {
                    // Only redirect URIs whose wildcard (if any) comes after the authority name an origin.
                    var fixedPart = redirect.TrimEnd('*');
                    var schemeEnd = fixedPart.IndexOf("://", StringComparison.Ordinal);
                    if (schemeEnd > 0 && fixedPart.IndexOf('/', schemeEnd + 3) > 0 && Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri))
                    {
                        origins.Add(uri.GetLeftPart(UriPartial.Authority));
                    }
                }
            }
            else
            {
                origins.Add(origin);
            }
        }
        return origins.Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Set(TokenContent content, ProtocolMapper mapper, string claimName, JsonNode? value)
    {
        if (value is null) return;
        if (mapper.InAccessToken) SetNested(content.AccessToken, claimName, value.DeepClone());
        if (mapper.InIdToken) SetNested(content.IdToken, claimName, value.DeepClone());
        if (mapper.InUserInfo) SetNested(content.UserInfo, claimName, value.DeepClone());
        if (mapper.InIntrospection) SetNested(content.Introspection, claimName, value.DeepClone());
    }

    // "realm_access.roles" is a nested claim; "\." escapes a literal dot (Keycloak's rule).
    private static void SetNested(JsonObject target, string claimName, JsonNode value)
    {
        var path = claimName.Replace("\\.", "\u0000", StringComparison.Ordinal).Split('.')
            .Select(p => p.Replace('\u0000', '.')).ToArray();
        var node = target;
        foreach (var segment in path[..^1])
        {
            if (node[segment] is not JsonObject child)
            {
                child = [];
                node[segment] = child;
            }
            node = child;
        }

        var leaf = path[^1];
        if (node[leaf] is JsonArray existing && value is JsonArray more)
        {
            foreach (var item in more.ToList())
            {
                if (!existing.Any(e => JsonNode.DeepEquals(e, item))) existing.Add(item!.DeepClone());
            }
        }
        else
        {
            node[leaf] = value;
        }
    }

    private static JsonNode? Typed(string value, string? jsonType) => jsonType switch
    {
        "long" or "int" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : null,
        "boolean" => bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : null,
        "JSON" => JsonNode.Parse(value),
        _ => JsonValue.Create(value),
    };

    private static JsonArray StringArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
