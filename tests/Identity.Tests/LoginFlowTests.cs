using System.Net;
using Samverkan.Identity.Tests.Support;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// The portal's authorization code flow with PKCE through the real (Swedish) login page.
[Collection(IdentityCollection.Name)]
public sealed class LoginFlowTests(IdentityServerFixture fixture)
{
    private IdentityServer Server => fixture.Server;

    [Fact]
    public async Task The_login_page_is_in_Swedish()
    {
        using var browser = Server.CreateBrowser();
        var page = await browser.AuthorizeAsync(Request());

        Assert.NotNull(page.Html);
        Assert.Contains("<html lang=\"sv\">", page.Html);
        Assert.Contains("Logga in", page.Html);
        Assert.Contains("Användarnamn", page.Html);
        Assert.Contains("Lösenord", page.Html);
    }

    [Fact]
    public async Task Logging_in_yields_a_code_that_redeems_for_the_users_tokens()
    {
        var request = Request();
        using var browser = Server.CreateBrowser();
        var result = await browser.LoginAsync(request, "lena.dahl", Server.DevRealm.PasswordOf("lena.dahl"));

        Assert.NotNull(result.Code);
        Assert.Equal(request.State, result.State);
        var token = (await Server.CreateTokenClient().RedeemCodeAsync(request, result.Code!)).EnsureSuccess();
        var payload = Jwt.Payload(token.AccessToken);
        Assert.Equal(Server.DevRealm.SubjectOf("lena.dahl"), (string?)payload["sub"]);
        Assert.Equal("staff-portal", (string?)payload["azp"]);
        Assert.Equal(["access-log", "discharge-notices", "personal-ombudsmen", "relative-support", "samverkan-gateway", "sip-plans"],
            payload["aud"]!.AsArray().Select(a => (string)a!).Order());
        Assert.Equal("20-vc-2080", (string?)payload["unit"]);
        Assert.NotNull(token.IdToken);
        Assert.NotNull(token.RefreshToken);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_a_Swedish_error_and_no_code()
    {
        using var browser = Server.CreateBrowser();
        var result = await browser.LoginAsync(Request(), "anna.lind", "fel-lösenord");

        Assert.Null(result.Code);
        Assert.Equal("Fel användarnamn eller lösenord.", result.LoginError);
    }

    [Fact]
    public async Task A_disabled_user_cannot_log_in()
    {
        using var browser = Server.CreateBrowser();
        var result = await browser.LoginAsync(Request(), "tomas.ny", Server.DevRealm.PasswordOf("tomas.ny"));

        Assert.Null(result.Code);
        Assert.Equal("Kontot är inaktiverat. Kontakta din administratör.", result.LoginError);
    }

    [Fact]
    public async Task A_code_is_single_use()
    {
        var request = Request();
        using var browser = Server.CreateBrowser();
        var code = (await browser.LoginAsync(request, "anna.lind", "anna-demo")).Code!;
        var tokens = Server.CreateTokenClient();

        (await tokens.RedeemCodeAsync(request, code)).EnsureSuccess();
        var reuse = await tokens.RedeemCodeAsync(request, code);
        Assert.Equal("invalid_grant", reuse.Error);
    }

    [Fact]
    public async Task A_code_needs_the_matching_PKCE_verifier()
    {
        var request = Request();
        using var browser = Server.CreateBrowser();
        var code = (await browser.LoginAsync(request, "anna.lind", "anna-demo")).Code!;

        var result = await Server.CreateTokenClient().RedeemCodeAsync(request, code, codeVerifier: AuthorizationRequest.Create("x", "y").CodeVerifier);
        Assert.Equal("invalid_grant", result.Error);
    }

    [Fact]
    public async Task The_portal_must_use_PKCE()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var url = $"{Server.AuthorizationEndpoint}?client_id=staff-portal&redirect_uri={Uri.EscapeDataString(TokenClient.PortalRedirectUri)}&response_type=code&scope=openid&state=s";
        using var response = await http.GetAsync(url);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("code=", response.Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_refused_without_redirecting()
    {
        using var browser = Server.CreateBrowser();
        var result = await browser.AuthorizeAsync(AuthorizationRequest.Create(TokenClient.PortalClient, "https://attacker.example/callback"));
        Assert.Null(result.Code);
        Assert.Null(result.Html);
        Assert.Null(result.Error); // nothing was sent to the unregistered address
    }

    [Fact]
    public async Task A_live_session_signs_in_again_without_the_form()
    {
        using var browser = Server.CreateBrowser();
        await browser.LoginAsync(Request(), "maria.sund", Server.DevRealm.PasswordOf("maria.sund"));

        var again = await browser.AuthorizeAsync(Request());
        Assert.NotNull(again.Code);
    }

    [Fact]
    public async Task Prompt_none_without_a_session_answers_login_required()
    {
        using var browser = Server.CreateBrowser();
        var result = await browser.AuthorizeAsync(Request(), ("prompt", "none"));
        Assert.Equal("login_required", result.Error);
    }

    [Fact]
    public async Task A_refresh_token_yields_new_tokens_with_the_same_grant()
    {
        var tokens = Server.CreateTokenClient();
        var first = await tokens.GetUserTokenViaLoginFormAsync("erik.berg");
        var refreshed = (await tokens.RefreshAsync(first.RefreshToken!, TokenClient.PortalClient)).EnsureSuccess();

        var before = Jwt.Payload(first.AccessToken);
        var after = Jwt.Payload(refreshed.AccessToken);
        Assert.Equal((string?)before["sub"], (string?)after["sub"]);
        Assert.Equal((string?)before["sid"], (string?)after["sid"]);
        Assert.Equal((string?)before["scope"], (string?)after["scope"]);
        Assert.Equal("2062", (string?)after["organization"]!["mora"]!["code"]![0]);
    }

    [Fact]
    public async Task A_refresh_token_of_one_client_is_refused_to_another()
    {
        var token = await Server.CreateTokenClient().GetUserTokenViaLoginFormAsync("erik.berg");
        var result = await Server.CreateTokenClient().RefreshAsync(token.RefreshToken!, TokenClient.TestsClient);
        Assert.Equal("invalid_grant", result.Error);
    }

    [Fact]
    public async Task An_expired_code_is_invalid_grant()
    {
        await using var shortLived = await IdentityServer.StartAsync(new IdentityServerSettings
        {
            Environment = { ["Identity__AccessCodeLifespanSeconds"] = "1" },
        });
        var request = Request();
        using var browser = shortLived.CreateBrowser();
        var code = (await browser.LoginAsync(request, "anna.lind", "anna-demo")).Code!;

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var result = await shortLived.CreateTokenClient().RedeemCodeAsync(request, code);
        Assert.Equal("invalid_grant", result.Error);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        using var browser = Server.CreateBrowser();
        var request = Request();
        var code = (await browser.LoginAsync(request, "anna.lind", "anna-demo")).Code!;
        var token = (await Server.CreateTokenClient().RedeemCodeAsync(request, code)).EnsureSuccess();

        var logout = await browser.LogoutAsync(token.IdToken!, TokenClient.PortalPostLogoutRedirectUri);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(TokenClient.PortalPostLogoutRedirectUri, logout.Headers.Location!.ToString());

        var again = await browser.AuthorizeAsync(Request());
        Assert.NotNull(again.Html); // the login form again, no silent sign-in
    }

    // Issue #15, item 1: with a live SSO session, an authorization request naming an attacker's
    // address that merely starts like a registered one must not deliver a code anywhere.
    [Theory]
    [InlineData("http://localhost@evil.example/")]
    [InlineData("https://localhost.attacker.example/steal")]
    [InlineData("http://127.0.0.1.nip.io/cb")]
    [InlineData("http://localhost:5100@evil.example/signin-oidc")]
    [InlineData("http://127.0.0.1:4711@evil.example/signin-oidc")]
    public async Task A_logged_in_browser_gets_no_code_for_a_look_alike_redirect_uri(string attacker)
    {
        using var browser = Server.CreateBrowser();
        Assert.NotNull((await browser.LoginAsync(Request(), "maria.sund", Server.DevRealm.PasswordOf("maria.sund"))).Code);

        using var response = await browser.GetAsync(AuthorizationRequest.Create(TokenClient.PortalClient, attacker).ToUrl(Server.AuthorizationEndpoint));
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Found, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("http://localhost:5100/signin-oidc")]
    [InlineData("http://localhost:5000/signin-oidc")]
    [InlineData("http://127.0.0.1:49152/signin-oidc")]
    public async Task The_portals_real_local_origins_get_a_code(string redirectUri)
    {
        using var browser = Server.CreateBrowser();
        var result = await browser.LoginAsync(AuthorizationRequest.Create(TokenClient.PortalClient, redirectUri), "maria.sund", Server.DevRealm.PasswordOf("maria.sund"));
        Assert.NotNull(result.Code);
    }

    [Theory]
    [InlineData("http://localhost@evil.example/")]
    [InlineData("https://localhost.attacker.example/steal")]
    [InlineData("http://127.0.0.1.nip.io/cb")]
    public async Task Logout_does_not_redirect_to_a_look_alike_address(string attacker)
    {
        using var browser = Server.CreateBrowser();
        var request = Request();
        var code = (await browser.LoginAsync(request, "anna.lind", "anna-demo")).Code!;
        var token = (await Server.CreateTokenClient().RedeemCodeAsync(request, code)).EnsureSuccess();

        using var logout = await browser.LogoutAsync(token.IdToken!, attacker);
        Assert.Null(logout.Headers.Location);
    }

    private static AuthorizationRequest Request() => AuthorizationRequest.Create(TokenClient.PortalClient, TokenClient.PortalRedirectUri);
}
