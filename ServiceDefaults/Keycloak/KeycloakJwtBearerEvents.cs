using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.ServiceDefaults.Keycloak;

// A gRPC caller that is refused gets a gRPC status, never a redirect or a bare HTTP status:
// Unauthenticated (16) with a message saying what is wrong with the token, or PermissionDenied (7).
// The answer is a "trailers-only" response (HTTP 200, grpc-status in the headers), the form a gRPC
// server uses for an immediate error. HTTP/JSON callers get 401/403 with WWW-Authenticate and a
// google.rpc.Status JSON body (JsonStatusResponse); other callers the standard 401/403.
public static class KeycloakJwtBearerEvents
{
    public static void AnswerGrpcCallersInGrpc(JwtBearerEvents events, string? audience)
    {
        var onChallenge = events.OnChallenge;
        events.OnChallenge = async context =>
        {
            await onChallenge(context);
            var json = JsonStatusResponse.IsJsonCaller(context.Request);
            if (context.Handled || !GrpcRequests.IsGrpc(context.Request) && !json) return;

            context.HandleResponse();
            var message = Describe(context.AuthenticateFailure, context.Request, audience);
            context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                ? "Bearer"
                : $"Bearer error=\"invalid_token\", error_description=\"{message.Replace("\"", "'", StringComparison.Ordinal)}\"";
            if (json)
            {
                await JsonStatusResponse.WriteAsync(context.Response, StatusCodes.Status401Unauthorized, StatusCode.Unauthenticated, message);
                return;
            }
            WriteGrpcStatus(context.Response, StatusCode.Unauthenticated, message);
        };

        var onForbidden = events.OnForbidden;
        events.OnForbidden = async context =>
        {
            await onForbidden(context);
            if (context.Response.HasStarted) return;
            const string message = "The caller is authenticated but lacks a role or organisation this call requires.";
            if (JsonStatusResponse.IsJsonCaller(context.Request))
            {
                await JsonStatusResponse.WriteAsync(context.Response, StatusCodes.Status403Forbidden, StatusCode.PermissionDenied, message);
                return;
            }
            if (!GrpcRequests.IsGrpc(context.Request)) return;
            WriteGrpcStatus(context.Response, StatusCode.PermissionDenied, message);
        };
    }

    // Keycloak marks an access token with typ "Bearer" (its ID tokens say "ID", refresh tokens
    // "Refresh"): a service accepts only access tokens, so an ID token that happens to name the
    // service as audience is still refused for what it is.
    public static void RequireAccessTokens(JwtBearerEvents events)
    {
        var onTokenValidated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await onTokenValidated(context);
            if (context.Result is not null) return;
            var type = context.Principal?.FindFirst(KeycloakConstants.TokenTypeClaimType)?.Value;
            if (!string.Equals(type, KeycloakConstants.AccessTokenType, StringComparison.Ordinal))
            {
                context.Fail(new NotAnAccessTokenException());
            }
        };
    }

    public static void WriteGrpcStatus(HttpResponse response, StatusCode code, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // grpc-message is percent-encoded UTF-8 (gRPC over HTTP/2 spec).
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    // What an integrator can act on; never echoes token contents.
    public static string Describe(Exception? failure, HttpRequest request, string? audience) => failure switch
    {
        null when !request.Headers.Authorization.Any(v => v?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true) =>
            "The call carries no access token: send 'authorization: Bearer <token>' obtained from the identity server.",
        null => "The access token could not be validated.",
        SecurityTokenExpiredException => "The access token has expired: request a new one.",
        SecurityTokenNotYetValidException => "The access token is not valid yet.",
        SecurityTokenInvalidAudienceException => $"The access token is not meant for this service: its 'aud' must include '{audience}'.",
        SecurityTokenInvalidIssuerException => "The access token was issued by an issuer this service does not trust.",
        SecurityTokenSignatureKeyNotFoundException => "The access token is signed with a key the identity server does not publish.",
        SecurityTokenInvalidSignatureException => "The access token's signature is invalid.",
        SecurityTokenMalformedException or ArgumentException => "The access token is malformed.",
        NotAnAccessTokenException => "The token is not an access token (its 'typ' must be 'Bearer'): send the access_token of the token response, not the id_token.",
        _ => "The access token is invalid.",
    };
}
