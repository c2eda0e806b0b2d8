using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Samverkan.Identity.Server;

// Keycloak's access tokens carry the JOSE header "typ": "JWT" (OpenIddict writes RFC 9068's
// "at+jwt"): the signed access token is re-signed with the same key and payload under Keycloak's
// header. When this server reads its own access tokens back (userinfo, introspection) it accepts
// "JWT" for them and tells them from ID tokens by the payload's typ "Bearer", as Keycloak does.
public static class AccessTokenTypeHandlers
{
    public const string KeycloakHeaderType = "JWT";

    public static OpenIddictServerHandlerDescriptor Generate { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<KeycloakHeader>()
            .SetOrder(OpenIddictServerHandlers.Protection.GenerateIdentityModelToken.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor AcceptType { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<AcceptKeycloakType>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor Classify { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<ClassifyByPayloadType>()
            .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public sealed class KeycloakHeader : IOpenIddictServerHandler<GenerateTokenContext>
    {
        private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (context.TokenType == TokenTypeIdentifiers.AccessToken && context.Token is { Length: > 0 } token && context.SigningCredentials is { } credentials)
            {
                var payload = Base64UrlEncoder.Decode(new JsonWebToken(token).EncodedPayload);
                context.Token = Handler.CreateToken(payload, credentials,
                    new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = KeycloakHeaderType });
            }
            return ValueTask.CompletedTask;
        }
    }

    public sealed class AcceptKeycloakType : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.ValidTokenTypes.Contains(TokenTypeIdentifiers.AccessToken) && context.TokenValidationParameters?.ValidTypes is { } types
                && !types.Contains(KeycloakHeaderType))
            {
                context.TokenValidationParameters.ValidTypes = [.. types, KeycloakHeaderType];
            }
            return ValueTask.CompletedTask;
        }
    }

    public sealed class ClassifyByPayloadType : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.Principal is { } principal && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.AccessToken)
                && principal.GetTokenType() == TokenTypeIdentifiers.IdentityToken && principal.GetClaim("typ") == "Bearer")
            {
                principal.SetTokenType(TokenTypeIdentifiers.AccessToken);
            }
            return ValueTask.CompletedTask;
        }
    }
}
