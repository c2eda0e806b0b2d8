namespace Samverkan.Identity.Tokens;

// The login a token is issued for: Keycloak's user session (sid, auth_time) plus, for a service
// account, the address of the calling system (clientAddress).
public sealed record LoginSession(string SessionId, DateTimeOffset AuthTime, string? ClientAddress)
{
    public static LoginSession New(DateTimeOffset now, string? clientAddress = null) =>
        new(Guid.NewGuid().ToString(), now, clientAddress);
}
