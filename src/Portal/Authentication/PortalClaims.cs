namespace Samverkan.Portal.Authentication;

// Claims the portal puts in its cookie, read from the access token the services will see (roles,
// organisation and unit are not all in the ID token).
public static class PortalClaims
{
    public const string SessionKey = "portal_session";
    public const string Name = "name";
    public const string Subject = "sub";
    public const string Role = "role";
    public const string OrganisationCode = "organisation_code";
    public const string Unit = "unit";
}
