using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Samverkan.Portal.Authentication;

// /login starts single sign-on (also after an ended session, back to the page the user was on);
// /logout ends the portal session and the single sign-on session (RP-initiated logout).
public static class AccountEndpoints
{
    public static WebApplication MapPortalAccountEndpoints(this WebApplication app)
    {
        app.MapGet("/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) },
            [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();

        app.MapPost("/logout", (HttpContext context) => Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/utloggad" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])).RequireAuthorization();
        return app;
    }

    // Only paths of the portal itself: never an open redirect.
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
