using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Samverkan.Portal.Authentication;

// Hands out a session's access token, first exchanging the refresh token at the identity server's
// token endpoint (the staff-portal client is public: no secret) when less than the refresh margin
// is left. A refused refresh (invalid_grant: idle timeout, session ended) ends the portal session.
public sealed class TokenRefresher(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    IOptions<PortalOptions> portalOptions,
    TimeProvider time,
    ILogger<TokenRefresher> logger)
{
    public async Task<string> AccessTokenAsync(PortalSession? session, CancellationToken cancellationToken)
    {
        if (session is null || session.Ended) throw new SessionEndedException();
        var margin = portalOptions.Value.TokenRefreshMargin;
        if (session.Tokens.AccessTokenExpiresAt - time.GetUtcNow() > margin) return session.Tokens.AccessToken;

        await session.RefreshLock.WaitAsync(cancellationToken);
        try
        {
            // Another call may have refreshed while this one waited.
            if (session.Tokens.AccessTokenExpiresAt - time.GetUtcNow() > margin) return session.Tokens.AccessToken;
            session.Tokens = await RefreshAsync(session, cancellationToken);
            return session.Tokens.AccessToken;
        }
        finally
        {
            session.RefreshLock.Release();
        }
    }

    private async Task<SessionTokens> RefreshAsync(PortalSession session, CancellationToken cancellationToken)
    {
        if (session.Tokens.RefreshToken is null) throw End(session, "no refresh token");
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = options.ClientId!,
                ["refresh_token"] = session.Tokens.RefreshToken,
            }),
        };
        using var response = await options.Backchannel.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw End(session, "refresh refused");
        }
        response.EnsureSuccessStatusCode();

        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return Read(json.RootElement, time.GetUtcNow(), portalOptions.Value.SessionIdleTimeout, session.Tokens.IdToken);
    }

    // A token endpoint answer as SessionTokens; refresh_expires_in is Keycloak's, the idle timeout
    // stands in when the server does not send it.
    public static SessionTokens Read(JsonElement response, DateTimeOffset now, TimeSpan idleTimeout, string? previousIdToken) => new(
        response.GetProperty("access_token").GetString()!,
        now.AddSeconds(response.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 60),
        response.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        response.TryGetProperty("refresh_expires_in", out var refreshExpiresIn) ? now.AddSeconds(refreshExpiresIn.GetInt32()) : now + idleTimeout,
        response.TryGetProperty("id_token", out var idToken) ? idToken.GetString() : previousIdToken);

    private SessionEndedException End(PortalSession session, string why)
    {
        session.Ended = true;
        // No personal data: the session key is random, the reason a fixed phrase.
        logger.LogInformation("Portal session ended: {Reason}", why);
        return new SessionEndedException();
    }
}
