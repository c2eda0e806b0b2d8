using Microsoft.IdentityModel.Tokens;

namespace Samverkan.ServiceDefaults.Keycloak;

// A valid, signed token of the realm that is not an access token (an ID token, say).
public sealed class NotAnAccessTokenException() : SecurityTokenValidationException("The token's 'typ' claim is not 'Bearer'.");
