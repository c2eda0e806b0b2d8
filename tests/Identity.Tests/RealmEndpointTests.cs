using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Issue #15, item 6 (and #12's 404): what the server publishes about itself is Keycloak's, and
// a forged Host header changes none of it.
[Collection(IdentityCollection.Name)]
public sealed class RealmEndpointTests(IdentityServerFixture fixture)
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task The_realm_url_describes_the_realm_with_its_public_key_as_Keycloak_does()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(Server.RealmUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var realm = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("samverkan", (string?)realm["realm"]);
        Assert.Equal(Server.RealmUrl + "/protocol/openid-connect", (string?)realm["token-service"]);
        Assert.Equal(Server.RealmUrl + "/account", (string?)realm["account-service"]);
        Assert.Equal(0, (int?)realm["tokens-not-before"]);

        // The public key is the one the realm signs with (the modulus published at .../certs).
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String((string)realm["public_key"]!), out _);
        var jwks = JsonNode.Parse(await http.GetStringAsync(Server.RealmUrl + "/protocol/openid-connect/certs"))!;
        var modulus = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus!);
        Assert.Contains(jwks["keys"]!.AsArray(), key => (string?)key!["n"] == modulus);
    }

    [Fact]
    public async Task Discovery_advertises_only_the_client_authentication_the_server_checks()
    {
        using var http = new HttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync(Server.RealmUrl + "/.well-known/openid-configuration"))!;
        foreach (var key in new[] { "token_endpoint_auth_methods_supported", "introspection_endpoint_auth_methods_supported" })
        {
            var methods = document[key]?.AsArray().Select(m => (string)m!).ToList() ?? [];
            Assert.DoesNotContain("private_key_jwt", methods);
            Assert.DoesNotContain("client_secret_jwt", methods);
            Assert.Contains("client_secret_basic", methods);
        }
    }

    [Fact]
    public async Task With_a_public_url_a_forged_Host_header_changes_no_endpoint()
    {
        await using var server = await IdentityServer.StartAsync(new IdentityServerSettings { PublicUrl = "http://identity.samverkan.test" });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.RealmUrl + "/.well-known/openid-configuration");
        request.Headers.Host = "attacker.example";
        var document = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;

        const string realmBase = "http://identity.samverkan.test/realms/samverkan";
        Assert.Equal(realmBase, (string?)document["issuer"]);
        foreach (var (key, path) in new[]
        {
            ("authorization_endpoint", "/protocol/openid-connect/auth"), ("token_endpoint", "/protocol/openid-connect/token"),
            ("jwks_uri", "/protocol/openid-connect/certs"), ("userinfo_endpoint", "/protocol/openid-connect/userinfo"),
            ("end_session_endpoint", "/protocol/openid-connect/logout"), ("introspection_endpoint", "/protocol/openid-connect/token/introspect"),
        })
        {
            Assert.Equal(realmBase + path, (string?)document[key]);
        }
        Assert.DoesNotContain("attacker.example", document.ToJsonString());
    }

    [Fact]
    public async Task Introspection_returns_the_mapped_claims_as_Keycloak_does()
    {
        var token = await Server.CreateTokenClient().GetUserTokenAsync("anna.lind");
        var answer = await IntrospectAsync(token.AccessToken);

        Assert.True((bool?)answer["active"]);
        Assert.Equal("Bearer", (string?)answer["typ"]);
        Assert.Equal("samverkan-tests", (string?)answer["azp"]);
        Assert.Equal("anna.lind", (string?)answer["username"]);
        Assert.Equal("anna.lind", (string?)answer["preferred_username"]);
        Assert.Equal("2080-soc", (string?)answer["unit"]);
        Assert.Equal("2080", (string?)answer["organization"]!["falun"]!["code"]![0]);
        Assert.Contains("discharge-receiver", answer["realm_access"]!["roles"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(Jwt.Payload(token.AccessToken)["sid"]!.GetValue<string>(), (string?)answer["sid"]);
    }

    [Fact]
    public async Task A_token_of_a_logged_out_session_introspects_as_inactive()
    {
        using var browser = Server.CreateBrowser();
        var request = AuthorizationRequest.Create(TokenClient.PortalClient, TokenClient.PortalRedirectUri);
        var code = (await browser.LoginAsync(request, "maria.sund", Server.DevRealm.PasswordOf("maria.sund"))).Code!;
        var token = (await Server.CreateTokenClient().RedeemCodeAsync(request, code)).EnsureSuccess();
        Assert.True((bool?)(await IntrospectAsync(token.AccessToken))["active"]);

        using var logout = await browser.LogoutAsync(token.IdToken!, TokenClient.PortalPostLogoutRedirectUri);
        Assert.False((bool?)(await IntrospectAsync(token.AccessToken))["active"]);
    }

    private async Task<JsonNode> IntrospectAsync(string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.RealmUrl + "/protocol/openid-connect/token/introspect")
        {
            Content = new FormUrlEncodedContent(TokenClient.Form(("token", token))),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
            Encoding.UTF8.GetBytes("system-mora:" + Server.DevRealm.SecretOf("system-mora"))));
        return JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
    }
}
