#:property PublishAot=false
// Builds the Keycloak realm exports of the samverkan realm from the unit directory.
//
//   dotnet run deploy/keycloak/build-realms.cs        (from the repository root)
//
// Writes
//   deploy/keycloak/samverkan-realm.json      production: realm, roles, user profile, client scopes,
//                                             organisations, clients and their service accounts;
//                                             no people, no secrets (Keycloak generates client secrets)
//   deploy/keycloak/samverkan-realm.dev.json  DEVELOPMENT ONLY: the same plus samverkan-realm.dev-overlay.json
//                                             (demo users, demo secrets, the samverkan-tests client)
// Both are complete realm exports a Keycloak 26 imports unchanged (kc.sh import / --import-realm).
// Re-run after editing deploy/directory/units.json or the overlay; commit all three files.
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

const string Realm = "samverkan";
const string DefaultRole = "default-roles-" + Realm;

var root = FindRepositoryRoot();
var directory = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "deploy/directory/units.json")))!;
var overlay = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "deploy/keycloak/samverkan-realm.dev-overlay.json")))!;
var organisations = directory["organisations"]!.AsArray().Select(o => new Organisation(
    (string)o!["alias"]!, (string)o["code"]!, (string)o["name"]!, (string)o["kind"]!,
    o["units"]!.AsArray().Select(u => (string)u!["id"]!).ToList())).ToList();

// Realm roles: the duties of PlatformRoles (ServiceDefaults/Authorization/PlatformRoles.cs).
string[][] platformRoles =
[
    ["sip-participant", "Deltar i SIP-arbete (samordnad individuell plan)."],
    ["discharge-sender", "Slutenvård: skickar inskrivningsmeddelanden och underrättelser (lag 2017:612)."],
    ["discharge-receiver", "Mottagande enhet: socialtjänst, kommunal hälso- och sjukvård, öppenvård."],
    ["relative-consultant", "Anhörigkonsulent."],
    ["personal-ombudsman", "Personligt ombud."],
    ["po-steering-group", "Ledningsgrupp för personligt ombud: granskar systembrister och vidarebefordrar dem till Länsstyrelsen; ser aldrig uppdrag."],
    ["auditor", "Granskar åtkomstloggen för den egna organisationen."],
    ["analyst", "Ser aggregerad, röjandeskyddad statistik; aldrig personuppgifter."],
    ["administrator", "Förvaltar plattformen (överenskommelser, referensdata); ger ingen åtkomst till personuppgifter."],
    ["operations", "Driftar plattformen: ser tjänsternas hälsa och driftmått; ger ingen åtkomst till personuppgifter."],
];

// Bearer-only clients, one per audience a platform service validates.
string[][] audienceClients =
[
    ["samverkan-gateway", "Samverkan gateway (YARP)"],
    ["sip-plans", "SIP-planer"],
    ["discharge-notices", "Utskrivningsmeddelanden (lag 2017:612)"],
    ["relative-support", "Anhörigstöd"],
    ["personal-ombudsmen", "Personligt ombud"],
    ["access-log", "Åtkomstlogg"],
];

// Which services each client's tokens are for (Keycloak audience mappers on the client), so a
// service that receives a token cannot replay it to a service the caller may not use. Every call
// passes the gateway, so its audience is always there. Staff reach every service through the
// portal (each service still checks roles); a municipal or regional system exchanges discharge
// notices, SIP plans and relative support, never personal ombudsman data (for PO staff only) nor
// the access log (for auditors only).
string[] staffAudiences = ["samverkan-gateway", "sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log"];
string[] systemAudiences = ["samverkan-gateway", "discharge-notices", "sip-plans", "relative-support"];

string[] staffScopes = ["basic", "acr", "web-origins", "profile", "email", "roles", "organization", "samverkan"];
string[] systemScopes = ["basic", "acr", "profile", "email", "roles", "organization", "samverkan", "service_account"];

var production = BuildProductionRealm();
var development = ApplyOverlay((JsonObject)production.DeepClone());

var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
File.WriteAllText(Path.Combine(root, "deploy/keycloak/samverkan-realm.json"), production.ToJsonString(options) + "\n");
File.WriteAllText(Path.Combine(root, "deploy/keycloak/samverkan-realm.dev.json"), development.ToJsonString(options) + "\n");
Console.WriteLine($"Wrote samverkan-realm.json and samverkan-realm.dev.json ({organisations.Count} organisations).");

JsonObject BuildProductionRealm()
{
    var realm = new JsonObject
    {
        ["id"] = Realm,
        ["realm"] = Realm,
        ["displayName"] = "Samverkan Dalarna",
        ["enabled"] = true,
        // "external": HTTPS except from localhost and private networks (Keycloak semantics).
        ["sslRequired"] = "external",
        ["organizationsEnabled"] = true,
        ["accessTokenLifespan"] = 300,
        ["accessCodeLifespan"] = 60,
        ["accessCodeLifespanLogin"] = 1800,
        ["ssoSessionIdleTimeout"] = 1800,
        ["ssoSessionMaxLifespan"] = 36000,
        ["revokeRefreshToken"] = false,
        ["registrationAllowed"] = false,
        ["resetPasswordAllowed"] = false,
        ["rememberMe"] = false,
        ["loginWithEmailAllowed"] = false,
        ["duplicateEmailsAllowed"] = false,
        // Brute-force detection: 5 failures within 15 minutes lock the account for 15 minutes.
        ["bruteForceProtected"] = true,
        ["permanentLockout"] = false,
        ["failureFactor"] = 5,
        ["maxDeltaTimeSeconds"] = 900,
        ["waitIncrementSeconds"] = 900,
        ["maxFailureWaitSeconds"] = 900,
        ["minimumQuickLoginWaitSeconds"] = 60,
        ["quickLoginCheckMilliSeconds"] = 1000,
        ["internationalizationEnabled"] = true,
        ["supportedLocales"] = Array("sv", "en"),
        ["defaultLocale"] = "sv",
        ["attributes"] = new JsonObject { ["samverkan.environment"] = "production" },
        ["roles"] = new JsonObject { ["realm"] = RealmRoles() },
        ["defaultRole"] = new JsonObject { ["name"] = DefaultRole, ["description"] = "${role_default-roles}", ["composite"] = true, ["clientRole"] = false },
        ["clientScopes"] = ClientScopes(),
        ["defaultDefaultClientScopes"] = Array(staffScopes),
        ["defaultOptionalClientScopes"] = Array("offline_access"),
        ["clients"] = Clients(),
        ["users"] = ServiceAccountUsers(),
        ["organizations"] = Organizations(),
        ["components"] = new JsonObject
        {
            ["org.keycloak.userprofile.UserProfileProvider"] = new JsonArray(new JsonObject
            {
                ["providerId"] = "declarative-user-profile",
                ["subComponents"] = new JsonObject(),
                ["config"] = new JsonObject { ["kc.user.profile.config"] = Array(UserProfile().ToJsonString()) },
            }),
        },
    };
    return realm;
}

JsonArray RealmRoles()
{
    var roles = new JsonArray(
        new JsonObject { ["name"] = "offline_access", ["description"] = "${role_offline-access}", ["composite"] = false, ["clientRole"] = false },
        new JsonObject { ["name"] = "uma_authorization", ["description"] = "${role_uma_authorization}", ["composite"] = false, ["clientRole"] = false },
        new JsonObject
        {
            ["name"] = DefaultRole,
            ["description"] = "${role_default-roles}",
            ["composite"] = true,
            ["composites"] = new JsonObject { ["realm"] = Array("offline_access", "uma_authorization") },
            ["clientRole"] = false,
        });
    foreach (var role in platformRoles)
    {
        roles.Add(new JsonObject { ["name"] = role[0], ["description"] = role[1], ["composite"] = false, ["clientRole"] = false });
    }
    return roles;
}

// Client scopes as a Keycloak 26 export carries them. Listing clientScopes replaces Keycloak's
// built-in set on import, so every built-in scope a client uses is declared here.
JsonArray ClientScopes() => new(
    Scope("basic", "OpenID Connect scope for add all basic claims to the token", inTokenScope: false,
        Mapper("sub", "oidc-sub-mapper", ("introspection.token.claim", "true"), ("access.token.claim", "true")),
        Mapper("auth_time", "oidc-usersessionmodel-note-mapper", ("user.session.note", "AUTH_TIME"), ("claim.name", "auth_time"),
            ("jsonType.label", "long"), ("id.token.claim", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("acr", "OpenID Connect scope for add acr (authentication context class reference) to the token", inTokenScope: false,
        Mapper("acr loa level", "oidc-acr-mapper", ("id.token.claim", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("web-origins", "OpenID Connect scope for add allowed web origins to the access token", inTokenScope: false,
        Mapper("allowed web origins", "oidc-allowed-origins-mapper", ("access.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("profile", "OpenID Connect built-in scope: profile", inTokenScope: true,
        Attribute("username", "username", "preferred_username"),
        Attribute("given name", "firstName", "given_name"),
        Attribute("family name", "lastName", "family_name"),
        Mapper("full name", "oidc-full-name-mapper", ("id.token.claim", "true"), ("access.token.claim", "true"),
            ("userinfo.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("email", "OpenID Connect built-in scope: email", inTokenScope: true,
        Attribute("email", "email", "email"),
        Mapper("email verified", "oidc-usermodel-property-mapper", ("user.attribute", "emailVerified"), ("claim.name", "email_verified"),
            ("jsonType.label", "boolean"), ("id.token.claim", "true"), ("access.token.claim", "true"), ("userinfo.token.claim", "true"),
            ("introspection.token.claim", "true"))),
    Scope("roles", "OpenID Connect scope for add user roles to the access token", inTokenScope: false,
        Mapper("realm roles", "oidc-usermodel-realm-role-mapper", ("user.attribute", "foo"), ("claim.name", "realm_access.roles"),
            ("jsonType.label", "String"), ("multivalued", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true")),
        Mapper("client roles", "oidc-usermodel-client-role-mapper", ("user.attribute", "foo"), ("claim.name", "resource_access.${client_id}.roles"),
            ("jsonType.label", "String"), ("multivalued", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true")),
        Mapper("audience resolve", "oidc-audience-resolve-mapper", ("access.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("organization", "Additional claims about the organization a subject belongs to", inTokenScope: true,
        // Object form with id and attributes: {"falun": {"id": "...", "code": ["2080"], "kind": ["municipality"]}}.
        Mapper("organization", "oidc-organization-membership-mapper", ("claim.name", "organization"), ("jsonType.label", "JSON"),
            ("multivalued", "true"), ("addOrganizationId", "true"), ("addOrganizationAttributes", "true"),
            ("id.token.claim", "true"), ("access.token.claim", "true"), ("userinfo.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("service_account", "Specific scope for a client enabled for service accounts", inTokenScope: false,
        Mapper("Client ID", "oidc-usersessionmodel-note-mapper", ("user.session.note", "client_id"), ("claim.name", "client_id"),
            ("jsonType.label", "String"), ("id.token.claim", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true")),
        Mapper("Client Host", "oidc-usersessionmodel-note-mapper", ("user.session.note", "clientHost"), ("claim.name", "clientHost"),
            ("jsonType.label", "String"), ("id.token.claim", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true")),
        Mapper("Client IP Address", "oidc-usersessionmodel-note-mapper", ("user.session.note", "clientAddress"), ("claim.name", "clientAddress"),
            ("jsonType.label", "String"), ("id.token.claim", "true"), ("access.token.claim", "true"), ("introspection.token.claim", "true"))),
    Scope("offline_access", "OpenID Connect built-in scope: offline_access", inTokenScope: true),
    // What a Samverkan service needs beyond the built-ins: the user's unit. (Audiences are per
    // client: AudienceMappers.)
    Scope("samverkan", "Samverkan: the user's unit", inTokenScope: false,
        Mapper("unit", "oidc-usermodel-attribute-mapper", ("user.attribute", "unit"), ("claim.name", "unit"),
            ("jsonType.label", "String"), ("multivalued", "false"), ("id.token.claim", "true"), ("access.token.claim", "true"),
            ("userinfo.token.claim", "true"), ("introspection.token.claim", "true"))));

// One audience mapper per service a client's access tokens are for (never in ID tokens). Mapper
// ids are unique in a realm, so the client's id is part of each.
JsonArray AudienceMappers(string clientId, string[] audiences) => new(audiences
    .Select(audience =>
    {
        var mapper = Mapper($"audience {audience}", "oidc-audience-mapper", ("included.client.audience", audience),
            ("id.token.claim", "false"), ("access.token.claim", "true"), ("introspection.token.claim", "true"));
        mapper["id"] = StableId("mapper", $"{clientId}/oidc-audience-mapper/{audience}");
        return (JsonNode)mapper;
    })
    .ToArray());

JsonArray Clients()
{
    var clients = new JsonArray
    {
        new JsonObject
        {
            ["id"] = StableId("client", "staff-portal"),
            ["clientId"] = "staff-portal",
            ["name"] = "Samverkan – personalportalen",
            ["description"] = "Staff portal: authorization code flow with PKCE (S256). Public client: the portal keeps no secret.",
            ["enabled"] = true,
            ["protocol"] = "openid-connect",
            ["publicClient"] = true,
            ["bearerOnly"] = false,
            ["standardFlowEnabled"] = true,
            ["implicitFlowEnabled"] = false,
            ["directAccessGrantsEnabled"] = false,
            ["serviceAccountsEnabled"] = false,
            ["frontchannelLogout"] = true,
            ["fullScopeAllowed"] = true,
            // Replace with the production portal address at deployment.
            ["redirectUris"] = Array("https://portal.samverkan.example/*"),
            ["webOrigins"] = Array("+"),
            ["attributes"] = new JsonObject
            {
                ["pkce.code.challenge.method"] = "S256",
                ["post.logout.redirect.uris"] = "+",
            },
            ["defaultClientScopes"] = Array(staffScopes),
            ["optionalClientScopes"] = Array("offline_access"),
            ["protocolMappers"] = AudienceMappers("staff-portal", staffAudiences),
        },
    };

    foreach (var org in organisations)
    {
        var clientId = SystemClientId(org);
        clients.Add(new JsonObject
        {
            ["id"] = StableId("client", clientId),
            ["clientId"] = clientId,
            ["name"] = $"{org.Name} – verksamhetssystem",
            ["description"] = $"Machine client of {org.Name} (SCB {org.Code}): client credentials; its service account is a member of the organisation '{org.Alias}'.",
            ["enabled"] = true,
            ["protocol"] = "openid-connect",
            ["publicClient"] = false,
            ["bearerOnly"] = false,
            ["clientAuthenticatorType"] = "client-secret",
            ["standardFlowEnabled"] = false,
            ["implicitFlowEnabled"] = false,
            ["directAccessGrantsEnabled"] = false,
            ["serviceAccountsEnabled"] = true,
            ["frontchannelLogout"] = false,
            ["fullScopeAllowed"] = true,
            ["redirectUris"] = new JsonArray(),
            ["webOrigins"] = new JsonArray(),
            ["attributes"] = new JsonObject(),
            ["defaultClientScopes"] = Array(systemScopes),
            ["optionalClientScopes"] = new JsonArray(),
            ["protocolMappers"] = AudienceMappers(clientId, systemAudiences),
        });
    }

    foreach (var client in audienceClients)
    {
        clients.Add(new JsonObject
        {
            ["id"] = StableId("client", client[0]),
            ["clientId"] = client[0],
            ["name"] = client[1],
            ["description"] = "Bearer-only: the audience of a platform service. Issues no tokens.",
            ["enabled"] = true,
            ["protocol"] = "openid-connect",
            ["publicClient"] = false,
            ["bearerOnly"] = true,
            ["standardFlowEnabled"] = false,
            ["implicitFlowEnabled"] = false,
            ["directAccessGrantsEnabled"] = false,
            ["serviceAccountsEnabled"] = false,
            ["frontchannelLogout"] = false,
            ["fullScopeAllowed"] = false,
            ["redirectUris"] = new JsonArray(),
            ["webOrigins"] = new JsonArray(),
            ["attributes"] = new JsonObject(),
            ["defaultClientScopes"] = Array("basic"),
            ["optionalClientScopes"] = new JsonArray(),
        });
    }
    return clients;
}

// A system client's service account carries the realm roles its organisation's systems need:
// municipal systems receive discharge notices; the region's system sends them (slutenvård) and also
// receives them (its outpatient units are recipients too). Every system takes part in SIP work.
JsonArray ServiceAccountUsers()
{
    var users = new JsonArray();
    foreach (var org in organisations)
    {
        var clientId = SystemClientId(org);
        var roles = org.Kind == "region"
            ? Array(DefaultRole, "discharge-sender", "discharge-receiver", "sip-participant")
            : Array(DefaultRole, "discharge-receiver", "sip-participant");
        users.Add(new JsonObject
        {
            ["id"] = StableId("user", "service-account-" + clientId),
            ["username"] = "service-account-" + clientId,
            ["enabled"] = true,
            ["serviceAccountClientId"] = clientId,
            ["realmRoles"] = roles,
        });
    }
    return users;
}

JsonArray Organizations()
{
    var result = new JsonArray();
    foreach (var org in organisations)
    {
        result.Add(new JsonObject
        {
            ["id"] = StableId("organization", org.Alias),
            ["name"] = org.Name,
            ["alias"] = org.Alias,
            ["enabled"] = true,
            ["description"] = $"{org.Name} (SCB {org.Code})",
            ["redirectUrl"] = "",
            ["attributes"] = new JsonObject { ["code"] = Array(org.Code), ["kind"] = Array(org.Kind) },
            ["domains"] = new JsonArray(new JsonObject { ["name"] = Domain(org), ["verified"] = false }),
            ["members"] = new JsonArray(new JsonObject { ["username"] = "service-account-" + SystemClientId(org), ["membershipType"] = "UNMANAGED" }),
            ["identityProviders"] = new JsonArray(),
        });
    }
    return result;
}

// Keycloak 26's declarative user profile with the platform's 'unit' attribute: a unit id from
// deploy/directory/units.json (the 'options' validator makes Keycloak refuse any other value).
JsonObject UserProfile()
{
    JsonObject Permissions(params string[] edit) => new() { ["view"] = Array("admin", "user"), ["edit"] = Array(edit) };
    var units = organisations.SelectMany(o => o.Units).ToArray();
    return new JsonObject
    {
        ["attributes"] = new JsonArray(
            new JsonObject
            {
                ["name"] = "username", ["displayName"] = "${username}",
                ["validations"] = new JsonObject { ["length"] = new JsonObject { ["min"] = 3, ["max"] = 255 }, ["username-prohibited-characters"] = new JsonObject(), ["up-username-not-idn-homograph"] = new JsonObject() },
                ["permissions"] = Permissions("admin", "user"), ["multivalued"] = false,
            },
            new JsonObject
            {
                ["name"] = "email", ["displayName"] = "${email}",
                ["validations"] = new JsonObject { ["email"] = new JsonObject(), ["length"] = new JsonObject { ["max"] = 255 } },
                ["permissions"] = Permissions("admin", "user"), ["multivalued"] = false,
            },
            new JsonObject
            {
                ["name"] = "firstName", ["displayName"] = "${firstName}",
                ["validations"] = new JsonObject { ["length"] = new JsonObject { ["max"] = 255 }, ["person-name-prohibited-characters"] = new JsonObject() },
                ["permissions"] = Permissions("admin", "user"), ["multivalued"] = false,
            },
            new JsonObject
            {
                ["name"] = "lastName", ["displayName"] = "${lastName}",
                ["validations"] = new JsonObject { ["length"] = new JsonObject { ["max"] = 255 }, ["person-name-prohibited-characters"] = new JsonObject() },
                ["permissions"] = Permissions("admin", "user"), ["multivalued"] = false,
            },
            new JsonObject
            {
                ["name"] = "unit", ["displayName"] = "Enhet",
                ["group"] = "samverkan",
                ["validations"] = new JsonObject { ["options"] = new JsonObject { ["options"] = Array(units) } },
                ["annotations"] = new JsonObject { ["inputType"] = "select" },
                // Only administrators place a person in a unit.
                ["permissions"] = Permissions("admin"), ["multivalued"] = false,
            }),
        ["groups"] = new JsonArray(
            new JsonObject { ["name"] = "user-metadata", ["displayHeader"] = "User metadata", ["displayDescription"] = "Attributes, which refer to user metadata" },
            new JsonObject { ["name"] = "samverkan", ["displayHeader"] = "Samverkan", ["displayDescription"] = "Organisation och enhet i Samverkan Dalarna" }),
    };
}

JsonObject ApplyOverlay(JsonObject realm)
{
    realm["displayName"] = (string)overlay["displayName"]!;
    realm["attributes"]!["samverkan.environment"] = (string)overlay["environment"]!;

    var clients = realm["clients"]!.AsArray();
    var portal = clients.Single(c => (string)c!["clientId"]! == "staff-portal")!;
    portal["redirectUris"] = overlay["staffPortal"]!["redirectUris"]!.DeepClone();
    portal["webOrigins"] = overlay["staffPortal"]!["webOrigins"]!.DeepClone();
    portal["attributes"]!["post.logout.redirect.uris"] = (string)overlay["staffPortal"]!["postLogoutRedirectUris"]!;

    foreach (var (clientId, secret) in overlay["clientSecrets"]!.AsObject())
    {
        var client = clients.Single(c => (string)c!["clientId"]! == clientId)!;
        client["secret"] = (string)secret!;
    }
    foreach (var client in overlay["clients"]!.AsArray())
    {
        var copy = (JsonObject)client!.DeepClone();
        copy.Insert(0, "id", StableId("client", (string)copy["clientId"]!));
        // Development clients act as staff (samverkan-tests obtains staff tokens for tests).
        copy["protocolMappers"] ??= AudienceMappers((string)copy["clientId"]!, staffAudiences);
        clients.Add(copy);
    }

    var users = realm["users"]!.AsArray();
    var orgs = realm["organizations"]!.AsArray();
    foreach (var demo in overlay["users"]!.AsArray())
    {
        var username = (string)demo!["username"]!;
        var alias = (string)demo["organization"]!;
        users.Add(new JsonObject
        {
            ["id"] = StableId("user", username),
            ["username"] = username,
            ["firstName"] = (string)demo["firstName"]!,
            ["lastName"] = (string)demo["lastName"]!,
            ["email"] = $"{username}@{alias}.example",
            ["emailVerified"] = true,
            ["enabled"] = (bool?)demo["enabled"] ?? true,
            ["attributes"] = new JsonObject { ["unit"] = Array((string)demo["unit"]!) },
            ["credentials"] = new JsonArray(new JsonObject { ["type"] = "password", ["value"] = (string)demo["password"]!, ["temporary"] = false }),
            ["realmRoles"] = Array([DefaultRole, .. demo["roles"]!.AsArray().Select(r => (string)r!)]),
        });
        var org = orgs.Single(o => (string)o!["alias"]! == alias)!;
        org["members"]!.AsArray().Add(new JsonObject { ["username"] = username, ["membershipType"] = "UNMANAGED" });
    }
    return realm;
}

JsonObject Scope(string name, string description, bool inTokenScope, params JsonObject[] mappers)
{
    var scope = new JsonObject
    {
        ["id"] = StableId("client-scope", name),
        ["name"] = name,
        ["description"] = description,
        ["protocol"] = "openid-connect",
        ["attributes"] = new JsonObject
        {
            ["include.in.token.scope"] = inTokenScope ? "true" : "false",
            ["display.on.consent.screen"] = "false",
        },
    };
    if (mappers.Length > 0) scope["protocolMappers"] = new JsonArray(mappers);
    return scope;
}

JsonObject Attribute(string name, string attribute, string claim) =>
    Mapper(name, "oidc-usermodel-attribute-mapper", ("user.attribute", attribute), ("claim.name", claim), ("jsonType.label", "String"),
        ("id.token.claim", "true"), ("access.token.claim", "true"), ("userinfo.token.claim", "true"), ("introspection.token.claim", "true"));

JsonObject Mapper(string name, string type, params (string Key, string Value)[] config)
{
    var configObject = new JsonObject();
    foreach (var (key, value) in config) configObject[key] = value;
    return new JsonObject
    {
        ["id"] = StableId("mapper", type + "/" + name),
        ["name"] = name,
        ["protocol"] = "openid-connect",
        ["protocolMapper"] = type,
        ["consentRequired"] = false,
        ["config"] = configObject,
    };
}

static JsonArray Array(params string[] values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

static string SystemClientId(Organisation org) => "system-" + org.Alias;

static string Domain(Organisation org) => org.Kind == "region" ? "regiondalarna.se" : org.Alias.Replace("-", "") switch
{
    "malungsalen" => "malung-salen.se",
    var alias => alias + ".se",
};

// Name-based UUIDs (RFC 4122 version 5) so regenerating keeps every id, and with it every 'sub'.
static string StableId(string kind, string name)
{
    var bytes = SHA1.HashData(Encoding.UTF8.GetBytes($"samverkan/{kind}/{name}"));
    bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
    bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
    return new Guid(bytes.AsSpan(0, 16), bigEndian: true).ToString();
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the repository (Platform.sln not found).");
}

record Organisation(string Alias, string Code, string Name, string Kind, List<string> Units);
