using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Brute-force protection from the realm (5 failures within 15 minutes lock the account), on a
// server of their own so the lock does not leak into other tests.
public sealed class LockoutTests : IAsyncLifetime
{
    private IdentityServer _server = null!;

    public async Task InitializeAsync() => _server = await IdentityServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var tokens = _server.CreateTokenClient();
        var password = _server.DevRealm.PasswordOf("erik.berg");
        await tokens.GetUserTokenAsync("erik.berg", password); // accepted before the failures

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal("invalid_grant", (await Password(tokens, "erik.berg", "guess-" + attempt)).Error);
        }

        var locked = await Password(tokens, "erik.berg", password);
        Assert.Equal("invalid_grant", locked.Error);
        Assert.Contains("locked", locked.ErrorDescription);

        // Other accounts are unaffected.
        await tokens.GetUserTokenAsync("johan.ek");
    }

    [Fact]
    public async Task The_login_page_says_in_Swedish_that_the_account_is_locked()
    {
        using var browser = _server.CreateBrowser();
        var request = AuthorizationRequest.Create(TokenClient.PortalClient, TokenClient.PortalRedirectUri);
        AuthorizationResult result = null!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            result = await browser.LoginAsync(request, "nils.moberg", "guess-" + attempt);
        }
        Assert.Contains("tillfälligt låst", result.LoginError);

        result = await browser.LoginAsync(request, "nils.moberg", _server.DevRealm.PasswordOf("nils.moberg"));
        Assert.Null(result.Code);
        Assert.Contains("tillfälligt låst", result.LoginError);
    }

    private static Task<TokenResult> Password(TokenClient tokens, string username, string password) =>
        tokens.RequestAsync(TokenClient.Form(("grant_type", "password"), ("client_id", TokenClient.TestsClient),
            ("username", username), ("password", password)));
}
