using Samverkan.Identity.Login;
using Samverkan.Identity.Realm;
using Samverkan.Identity.Tokens;

namespace Samverkan.Identity.Hosting;

public static class LoginExtensions
{
    // The browser's SSO session: a cookie scoped to the realm's path, idle-expiring like
    // Keycloak's ssoSessionIdleTimeout and never outliving ssoSessionMaxLifespan.
    public static WebApplicationBuilder AddLoginSessions(this WebApplicationBuilder builder, RealmModel realm)
    {
        builder.Services.AddAuthentication().AddCookie(LoginCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = LoginCookie.CookieName;
            cookie.Cookie.Path = $"/realms/{realm.Name}/";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = realm.SessionIdleTimeout;
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = context =>
            {
                var authTime = long.TryParse(context.Principal?.FindFirst(LoginCookie.AuthTimeClaim)?.Value, out var seconds)
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
                var sessionId = context.Principal?.FindFirst(LoginCookie.SessionIdClaim)?.Value;
                var ended = context.HttpContext.RequestServices.GetRequiredService<EndedSessions>();
                if (DateTimeOffset.UtcNow - authTime > realm.SessionMaxLifespan || ended.IsEnded(sessionId)) context.RejectPrincipal();
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "SAMVERKAN_ANTIFORGERY";
            antiforgery.Cookie.Path = $"/realms/{realm.Name}/";
        });
        builder.Services.AddAuthorization();
        return builder;
    }
}
