using System.Net;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Every refusal is a standard OAuth error a client library understands.
[Collection(IdentityCollection.Name)]
public sealed class TokenErrorTests(IdentityServerFixture fixture)
{
    private TokenClient Tokens => fixture.Server.CreateTokenClient();

    [Fact]
    public async Task A_wrong_password_is_invalid_grant()
    {
        var result = await Password("maria.sund", "not-her-password");
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("invalid_grant", result.Error);
        Assert.Equal("Invalid user credentials", result.ErrorDescription);
    }

    [Fact]
    public async Task An_unknown_user_is_indistinguishable_from_a_wrong_password()
    {
        var result = await Password("nobody.here", "whatever");
        Assert.Equal("invalid_grant", result.Error);
        Assert.Equal("Invalid user credentials", result.ErrorDescription);
    }

    [Fact]
    public async Task A_disabled_user_is_invalid_grant()
    {
        var result = await Password("tomas.ny", fixture.Server.DevRealm.PasswordOf("tomas.ny"));
        Assert.Equal("invalid_grant", result.Error);
        Assert.Equal("Account disabled", result.ErrorDescription);
    }

    [Fact]
    public async Task A_bad_client_secret_is_invalid_client_with_401()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "client_credentials")), ("system-falun", "wrong-secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("invalid_client", result.Error);
    }

    [Fact]
    public async Task Another_organisations_secret_is_invalid_client()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "client_credentials")),
            ("system-falun", fixture.Server.DevRealm.SecretOf("system-mora")));
        Assert.Equal("invalid_client", result.Error);
    }

    [Fact]
    public async Task An_unknown_client_is_invalid_client()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "client_credentials")), ("system-stockholm", "secret"));
        Assert.Equal("invalid_client", result.Error);
    }

    [Fact]
    public async Task A_bearer_only_client_cannot_obtain_tokens()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "password"), ("client_id", "sip-plans"),
            ("username", "anna.lind"), ("password", "anna-demo")));
        Assert.Equal("invalid_client", result.Error);
    }

    [Fact]
    public async Task A_system_client_may_not_use_the_password_grant()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "password"), ("username", "anna.lind"), ("password", "anna-demo")),
            ("system-falun", fixture.Server.DevRealm.SecretOf("system-falun")));
        Assert.Equal("unauthorized_client", result.Error);
    }

    [Fact]
    public async Task The_portal_may_not_use_the_password_grant()
    {
        var result = await Tokens.RequestAsync(TokenClient.Form(("grant_type", "password"), ("client_id", TokenClient.PortalClient),
            ("username", "anna.lind"), ("password", "anna-demo")));
        Assert.Equal("unauthorized_client", result.Error);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_invalid_grant()
    {
        var result = await Tokens.RefreshAsync("eyJhbGciOiJub25lIn0.e30.");
        Assert.Equal("invalid_grant", result.Error);
    }

    private Task<TokenResult> Password(string username, string password) =>
        Tokens.RequestAsync(TokenClient.Form(("grant_type", "password"), ("client_id", TokenClient.TestsClient),
            ("username", username), ("password", password)));
}
