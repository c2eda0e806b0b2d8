using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Samverkan.Portal.Authentication;

// Single sign-on: the realm's public staff-portal client, authorization code with PKCE (S256),
// callbacks /signin-oidc and /signout-callback-oidc. The cookie holds the user's name,
// organisation, unit and roles (from the access token the services see) and a session key; the
// tokens themselves stay in PortalSessionStore.
public static class PortalAuthenticationExtensions
{
    public static WebApplicationBuilder AddPortalAuthentication(this WebApplicationBuilder builder)
    {
        var keycloak = builder.Configuration.GetSection("Keycloak");
        var authServerUrl = keycloak["AuthServerUrl"] ?? keycloak["auth-server-url"] ?? "http://localhost:8080/";
        var realm = keycloak["Realm"] ?? keycloak["realm"] ?? "samverkan";
        var sslRequired = keycloak["SslRequired"] ?? keycloak["ssl-required"] ?? "external";

        builder.Services.AddSingleton<PortalSessionStore>();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddScoped<UserSession>();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "samverkan.portal";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // Never longer than the realm's maximum session (10 h); the identity server's idle
                // timeout ends it earlier through the refresh token.
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = RejectWithoutSession;
                options.AccessDeniedPath = "/ingen-behorighet";
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = $"{authServerUrl.TrimEnd('/')}/realms/{realm}";
                options.RequireHttpsMetadata = sslRequired != "none" && !builder.Environment.IsDevelopment();
                options.ClientId = keycloak["resource"] ?? "staff-portal";
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.CallbackPath = "/signin-oidc";
                options.SignedOutCallbackPath = "/signout-callback-oidc";
                options.SignedOutRedirectUri = "/utloggad";
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.TokenValidationParameters.NameClaimType = PortalClaims.Name;
                options.TokenValidationParameters.RoleClaimType = PortalClaims.Role;
                options.Events.OnRedirectToIdentityProvider = AskForSwedish;
                options.Events.OnTokenValidated = KeepTokens;
                options.Events.OnRedirectToIdentityProviderForSignOut = HintSignOut;
                options.Events.OnRemoteFailure = ShowLoginFailure;
            });

        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    private static Task AskForSwedish(RedirectContext context)
    {
        context.ProtocolMessage.UiLocales = "sv";
        return Task.CompletedTask;
    }

    // After the code exchange: keep the tokens server-side and build the cookie's identity from the
    // access token (what every service will authorize on).
    private static Task KeepTokens(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var response = context.TokenEndpointResponse
            ?? throw new InvalidOperationException("The authorization code flow always has a token response.");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var tokens = new SessionTokens(
            response.AccessToken,
            now.AddSeconds(int.TryParse(response.ExpiresIn, out var expiresIn) ? expiresIn : 60),
            response.RefreshToken,
            int.TryParse(response.GetParameter("refresh_expires_in"), out var refreshExpiresIn) ? now.AddSeconds(refreshExpiresIn) : now + portal.SessionIdleTimeout,
            response.IdToken);

        var access = new JsonWebToken(tokens.AccessToken);
        var session = services.GetRequiredService<PortalSessionStore>().Create(access.Subject, tokens);
        AddAccessTokenClaims((ClaimsIdentity)context.Principal!.Identity!, tokens.AccessToken, session.Key);
        return Task.CompletedTask;
    }

    // The principal the OIDC handler built from the ID token gets the access token's claims.
    private static void AddAccessTokenClaims(ClaimsIdentity identity, string accessToken, string sessionKey)
    {
        var token = new JsonWebToken(accessToken);
        identity.AddClaim(new Claim(PortalClaims.SessionKey, sessionKey));
        if (token.TryGetPayloadValue<string>(PortalClaims.Unit, out var unit) && identity.FindFirst(PortalClaims.Unit) is null)
        {
            identity.AddClaim(new Claim(PortalClaims.Unit, unit));
        }
        if (token.TryGetPayloadValue<JsonElement>("realm_access", out var realmAccess) && realmAccess.TryGetProperty("roles", out var roles))
        {
            foreach (var role in roles.EnumerateArray()) identity.AddClaim(new Claim(PortalClaims.Role, role.GetString()!));
        }
        if (token.TryGetPayloadValue<JsonElement>("organization", out var organizations) && organizations.ValueKind == JsonValueKind.Object)
        {
            foreach (var organization in organizations.EnumerateObject())
            {
                if (organization.Value.TryGetProperty("code", out var codes) && codes.ValueKind == JsonValueKind.Array && codes.GetArrayLength() > 0)
                {
                    identity.AddClaim(new Claim(PortalClaims.OrganisationCode, codes[0].GetString()!));
                }
            }
        }
    }

    // A cookie whose server-side session is gone (portal restarted, logged out) is no login.
    private static Task RejectWithoutSession(CookieValidatePrincipalContext context)
    {
        var key = context.Principal?.FindFirst(PortalClaims.SessionKey)?.Value;
        var session = context.HttpContext.RequestServices.GetRequiredService<PortalSessionStore>().Find(key);
        if (session is null || session.Ended)
        {
            context.RejectPrincipal();
        }
        return Task.CompletedTask;
    }

    // Single logout: the identity server's end-session endpoint with id_token_hint (no confirmation
    // page), then back to /signout-callback-oidc.
    private static Task HintSignOut(RedirectContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<PortalSessionStore>();
        var key = context.HttpContext.User.FindFirst(PortalClaims.SessionKey)?.Value;
        if (store.Find(key) is { } session) context.ProtocolMessage.IdTokenHint = session.Tokens.IdToken;
        store.Remove(key);
        return Task.CompletedTask;
    }

    private static Task ShowLoginFailure(RemoteFailureContext context)
    {
        context.Response.Redirect("/inloggning-misslyckades");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
