using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace Samverkan.Gateway.Security;

// Says in an integrator's words why a call was not authenticated. Names the kind of problem only:
// never echoes the token or its claims.
public static class BearerTokenProblem
{
    public static async Task<string> DescribeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return "The call carries no access token: send 'authorization: Bearer <access token>' from the platform's identity provider.";
        }
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "The authorization header is not a bearer token: send 'authorization: Bearer <access token>'.";
        }

        // The handler caches its result for the request, so this does not validate twice.
        var result = await context.AuthenticateAsync();
        return result.Failure switch
        {
            SecurityTokenExpiredException => "The access token has expired: obtain a new one.",
            SecurityTokenNotYetValidException => "The access token is not valid yet: check the client's clock.",
            SecurityTokenInvalidAudienceException => "The access token was not issued for this platform (wrong audience).",
            SecurityTokenInvalidIssuerException => "The access token was issued by an identity provider this platform does not trust.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
                "The access token's signature cannot be verified.",
            _ => "The access token is not valid.",
        };
    }
}
