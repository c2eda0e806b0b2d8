using System.Text.Json.Nodes;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests;

// Issue #15, item 2: a refresh token belongs to a login session, as in Keycloak. Logout ends the
// session and every refresh token of it (also across a restart); a refresh never stretches the
// session past ssoSessionMaxLifespan, and an unused refresh token dies after ssoSessionIdleTimeout.
public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task Logout_ends_every_refresh_token_of_the_session_also_after_a_restart()
    {
        await using var server = await IdentityServer.StartAsync();
        var tokens = server.CreateTokenClient();
        using var browser = server.CreateBrowser();
        var request = AuthorizationRequest.Create(TokenClient.PortalClient, TokenClient.PortalRedirectUri);
        var code = (await browser.LoginAsync(request, "anna.lind", server.DevRealm.PasswordOf("anna.lind"))).Code!;
        var first = (await tokens.RedeemCodeAsync(request, code)).EnsureSuccess();
        var second = (await tokens.RefreshAsync(first.RefreshToken!, TokenClient.PortalClient)).EnsureSuccess();

        using var logout = await browser.LogoutAsync(first.IdToken!, TokenClient.PortalPostLogoutRedirectUri);

        foreach (var refreshToken in new[] { first.RefreshToken!, second.RefreshToken! })
        {
            var refused = await tokens.RefreshAsync(refreshToken, TokenClient.PortalClient);
            Assert.Equal("invalid_grant", refused.Error);
            Assert.Equal("Session not active", refused.ErrorDescription);
        }

        await server.RestartAsync();
        var afterRestart = await server.CreateTokenClient().RefreshAsync(second.RefreshToken!, TokenClient.PortalClient);
        Assert.Equal("invalid_grant", afterRestart.Error);
    }

    [Fact]
    public async Task Logout_of_one_session_leaves_another_session_of_the_same_user_alone()
    {
        await using var server = await IdentityServer.StartAsync();
        var tokens = server.CreateTokenClient();
        var other = await tokens.GetUserTokenAsync("anna.lind");
        using var browser = server.CreateBrowser();
        var request = AuthorizationRequest.Create(TokenClient.PortalClient, TokenClient.PortalRedirectUri);
        var code = (await browser.LoginAsync(request, "anna.lind", server.DevRealm.PasswordOf("anna.lind"))).Code!;
        var mine = (await tokens.RedeemCodeAsync(request, code)).EnsureSuccess();

        using var logout = await browser.LogoutAsync(mine.IdToken!, TokenClient.PortalPostLogoutRedirectUri);

        (await tokens.RefreshAsync(other.RefreshToken!)).EnsureSuccess();
    }

    [Fact]
    public async Task Refreshing_never_stretches_a_session_past_its_maximum_lifespan()
    {
        using var realm = ShortSessionRealm(idleSeconds: 4, maxSeconds: 6);
        await using var server = await IdentityServer.StartAsync(new IdentityServerSettings { RealmFile = realm.Path });
        var tokens = server.CreateTokenClient();
        var started = DateTimeOffset.UtcNow;
        var current = await tokens.GetUserTokenAsync("erik.berg");

        // A refresh every 1.5 s keeps the session from idling out, but not beyond 6 s.
        TokenResult result;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            result = await tokens.RefreshAsync(current.RefreshToken!);
            if (result.Token is { } refreshed) current = refreshed;
        }
        while (result.Token is not null && DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(20));

        var elapsed = DateTimeOffset.UtcNow - started;
        Assert.Equal("invalid_grant", result.Error);
        // auth_time has whole seconds, so the session may have started up to 1 s before 'started'.
        Assert.InRange(elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(9));
    }

    [Fact]
    public async Task An_unused_refresh_token_expires_after_the_idle_timeout()
    {
        using var realm = ShortSessionRealm(idleSeconds: 6, maxSeconds: 600);
        await using var server = await IdentityServer.StartAsync(new IdentityServerSettings { RealmFile = realm.Path });
        var tokens = server.CreateTokenClient();
        var token = await tokens.GetUserTokenAsync("erik.berg");

        (await tokens.RefreshAsync(token.RefreshToken!)).EnsureSuccess();
        await Task.Delay(TimeSpan.FromSeconds(8));
        Assert.Equal("invalid_grant", (await tokens.RefreshAsync(token.RefreshToken!)).Error);
    }

    private static TemporaryRealm ShortSessionRealm(int idleSeconds, int maxSeconds)
    {
        var realm = JsonNode.Parse(File.ReadAllText(DevRealm.DefaultFile))!.AsObject();
        realm["ssoSessionIdleTimeout"] = idleSeconds;
        realm["ssoSessionMaxLifespan"] = maxSeconds;
        return new TemporaryRealm(realm);
    }

    private sealed class TemporaryRealm : IDisposable
    {
        public TemporaryRealm(JsonObject realm)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"samverkan-realm-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, realm.ToJsonString());
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
