using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Samverkan.TestSupport.Identity;

namespace Samverkan.Identity.Tests.Support;

// Validates a token against the identity server's published keys the way a service does
// (same claim handling: MapInboundClaims off), to hand the principal to CallerIdentity.
public static class TokenValidator
{
    public static async Task<ClaimsPrincipal> ValidateAsync(IdentityServer server, string token, string audience)
    {
        var metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            server.RealmUrl + "/.well-known/openid-configuration", new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = false });
        var configuration = await metadata.GetConfigurationAsync(CancellationToken.None);
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ClockSkew = TimeSpan.Zero,
            NameClaimType = "preferred_username",
            RoleClaimType = "role",
        });
        if (!result.IsValid) throw result.Exception;
        return new ClaimsPrincipal(result.ClaimsIdentity);
    }
}
