using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Samverkan.TestSupport.Identity;

// An authorization code request with PKCE (S256), as the portal sends it.
public sealed record AuthorizationRequest(string ClientId, string RedirectUri, string Scope, string State, string CodeVerifier)
{
    public static AuthorizationRequest Create(string clientId, string redirectUri, string scope = "openid") =>
        new(clientId, redirectUri, scope, WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)),
            WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)));

    public string CodeChallenge => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(CodeVerifier)));

    public string ToUrl(string authorizationEndpoint, params (string Name, string Value)[] extra)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = Scope,
            ["state"] = State,
            ["code_challenge"] = CodeChallenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in extra) parameters[name] = value;
        return QueryHelpers.AddQueryString(authorizationEndpoint, parameters);
    }
}
