using System.Text.Json.Nodes;
using Samverkan.Identity.Tests.Support;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Access tokens look like Keycloak's (platform.md §4.5), so a service cannot tell this server
// from the production Keycloak.
[Collection(IdentityCollection.Name)]
public sealed class TokenShapeTests(IdentityServerFixture fixture)
{
    private static readonly string[] PlatformAudiences =
        ["samverkan-gateway", "sip-plans", "discharge-notices", "relative-support", "personal-ombudsmen", "access-log"];

    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task A_staff_token_has_Keycloaks_claims()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("anna.lind");
        var header = Jwt.Header(token.AccessToken);
        var payload = Jwt.Payload(token.AccessToken);

        Assert.Equal("RS256", (string?)header["alg"]);
        Assert.Equal("JWT", (string?)header["typ"]); // Keycloak's header (issue #15, item 7)
        Assert.False(string.IsNullOrEmpty((string?)header["kid"]));
        Assert.Equal(Server.Issuer, (string?)payload["iss"]);
        Assert.Equal(PlatformAudiences.Order(), payload["aud"]!.AsArray().Select(a => (string)a!).Order());
        Assert.Equal("samverkan-tests", (string?)payload["azp"]);
        Assert.Equal("Bearer", (string?)payload["typ"]);
        Assert.Equal(Server.DevRealm.SubjectOf("anna.lind"), (string?)payload["sub"]);
        Assert.Equal("anna.lind", (string?)payload["preferred_username"]);
        Assert.Equal("Anna Lind", (string?)payload["name"]);
        Assert.Contains("openid", ((string?)payload["scope"])!.Split(' '));
        Assert.Contains("organization", ((string?)payload["scope"])!.Split(' '));
        Assert.Equal(300, (long)payload["exp"]! - (long)payload["iat"]!);
        Assert.False(string.IsNullOrEmpty((string?)payload["jti"]));
        Assert.False(string.IsNullOrEmpty((string?)payload["sid"]));
        Assert.Null(payload["client_id"]);

        var roles = payload["realm_access"]!["roles"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains("default-roles-samverkan", roles);
        Assert.Contains("offline_access", roles); // composite of the default role, expanded like Keycloak
        Assert.Contains(PlatformRoles.SipParticipant, roles);
        Assert.Contains(PlatformRoles.DischargeReceiver, roles);

        Assert.Equal("2080-soc", (string?)payload["unit"]);
        var falun = payload["organization"]!["falun"]!.AsObject();
        Assert.Single(payload["organization"]!.AsObject());
        Assert.Equal(Server.DevRealm.OrganizationIdOf("falun"), (string?)falun["id"]);
        Assert.Equal("2080", (string?)falun["code"]![0]);
        Assert.Equal("municipality", (string?)falun["kind"]![0]);
    }

    [Fact]
    public async Task The_organisation_claim_reads_as_CallerIdentity_expects()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("johan.ek");
        var principal = await TokenValidator.ValidateAsync(Server, token.AccessToken, "discharge-notices");
        var caller = CallerIdentity.FromPrincipal(principal, out var problem);

        Assert.Null(problem);
        Assert.Equal("mora", caller!.OrganisationAlias);
        Assert.Equal("2062", caller.OrganisationCode);
        Assert.Equal(OrganisationKind.Municipality, caller.OrganisationKind);
        Assert.Equal("2062-hsl", caller.UnitId);
        Assert.Equal("samverkan-tests", caller.ClientId);
        Assert.False(caller.IsServiceAccount);
    }

    [Fact]
    public async Task A_service_account_token_names_its_client_and_organisation_and_has_no_refresh_token()
    {
        var token = await Server.CreateTokenClient().GetSystemTokenAsync("falun");
        var payload = Jwt.Payload(token.AccessToken);

        Assert.Null(token.RefreshToken);
        // Systems call discharge notices, SIP plans and relative support through the gateway;
        // never the personal ombudsmen nor the access log.
        Assert.Equal(["discharge-notices", "relative-support", "samverkan-gateway", "sip-plans"],
            payload["aud"]!.AsArray().Select(a => (string)a!).Order());
        Assert.Equal("system-falun", (string?)payload["client_id"]);
        Assert.Equal("system-falun", (string?)payload["azp"]);
        Assert.Equal("service-account-system-falun", (string?)payload["preferred_username"]);
        Assert.Equal("2080", (string?)payload["organization"]!["falun"]!["code"]![0]);
        Assert.Null(payload["unit"]);
        Assert.Contains(PlatformRoles.DischargeReceiver, payload["realm_access"]!["roles"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task The_id_token_is_for_the_client_and_carries_the_organisation()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("sara.falk", scope: "openid");
        var id = Jwt.Payload(token.IdToken!);

        Assert.Equal("samverkan-tests", (string?)id["aud"]);
        Assert.Equal(Server.Issuer, (string?)id["iss"]);
        Assert.Equal("2081", (string?)id["organization"]!["borlange"]!["code"]![0]);
        Assert.Null(id["realm_access"]); // roles are for access tokens only (Keycloak's roles scope)
    }

    [Fact]
    public async Task Organization_alias_scope_selects_a_membership_and_a_foreign_one_is_invalid_scope()
    {
        var client = Server.CreateTokenClient();
        var own = await client.GetUserTokenAsync("erik.berg", scope: "openid organization:mora");
        Assert.Contains("organization:mora", Jwt.Payload(own.AccessToken)["scope"]!.GetValue<string>());

        var foreign = await client.RequestAsync(TokenClient.Form(("grant_type", "password"), ("client_id", TokenClient.TestsClient),
            ("username", "erik.berg"), ("password", Server.DevRealm.PasswordOf("erik.berg")), ("scope", "organization:falun")));
        Assert.Equal("invalid_scope", foreign.Error);
    }

    [Fact]
    public async Task An_unknown_scope_is_invalid_scope()
    {
        var result = await Server.CreateTokenClient().RequestAsync(TokenClient.Form(("grant_type", "password"),
            ("client_id", TokenClient.TestsClient), ("username", "anna.lind"), ("password", "anna-demo"), ("scope", "openid admin-everything")));
        Assert.Equal("invalid_scope", result.Error);
        Assert.Contains("admin-everything", result.ErrorDescription);
    }

    [Fact]
    public async Task Discovery_follows_Keycloaks_layout()
    {
        using var http = new HttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync(Server.RealmUrl + "/.well-known/openid-configuration"))!;

        Assert.Equal(Server.Issuer, (string?)document["issuer"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect/auth", (string?)document["authorization_endpoint"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect/token", (string?)document["token_endpoint"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect/certs", (string?)document["jwks_uri"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect/userinfo", (string?)document["userinfo_endpoint"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect/logout", (string?)document["end_session_endpoint"]);
        Assert.Equal(["S256"], document["code_challenge_methods_supported"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task Userinfo_answers_for_a_valid_access_token()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("olof.stark");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Server.RealmUrl + "/protocol/openid-connect/userinfo");
        request.Headers.Authorization = new("Bearer", token.AccessToken);
        using var response = await http.SendAsync(request);
        var info = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(Server.DevRealm.SubjectOf("olof.stark"), (string?)info["sub"]);
        Assert.Equal("olof.stark", (string?)info["preferred_username"]);
        Assert.Equal("2085-po", (string?)info["unit"]);
    }

    [Fact]
    public async Task A_confidential_client_may_introspect_a_token_and_a_public_client_may_not()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("anna.lind");
        var endpoint = Server.RealmUrl + "/protocol/openid-connect/token/introspect";
        using var http = new HttpClient();

        using var byService = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent(TokenClient.Form(("token", token.AccessToken))),
        };
        byService.Headers.Authorization = new("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes("system-mora:" + Server.DevRealm.SecretOf("system-mora"))));
        var answer = JsonNode.Parse(await (await http.SendAsync(byService)).Content.ReadAsStringAsync())!;
        Assert.True((bool?)answer["active"]);
        Assert.Equal(Server.DevRealm.SubjectOf("anna.lind"), (string?)answer["sub"]);

        using var byPublic = await http.PostAsync(endpoint,
            new FormUrlEncodedContent(TokenClient.Form(("token", token.AccessToken), ("client_id", TokenClient.TestsClient))));
        Assert.Equal("invalid_client", (string?)JsonNode.Parse(await byPublic.Content.ReadAsStringAsync())!["error"]);
    }
}
