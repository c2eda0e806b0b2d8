namespace Samverkan.Identity.Login;

// The single sign-on session of a browser (Keycloak's KEYCLOAK_IDENTITY cookie).
public static class LoginCookie
{
    public const string Scheme = "Samverkan.Identity.Login";
    public const string CookieName = "SAMVERKAN_IDENTITY";
    public const string SessionIdClaim = "sid";
    public const string AuthTimeClaim = "auth_time";
}
