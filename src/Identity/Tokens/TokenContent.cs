using System.Text.Json.Nodes;

namespace Samverkan.Identity.Tokens;

// What the protocol mappers produced, per place a claim can go (Keycloak's
// access.token.claim / id.token.claim / userinfo.token.claim / introspection.token.claim).
public sealed class TokenContent
{
    public JsonObject AccessToken { get; } = [];
    public JsonObject IdToken { get; } = [];
    public JsonObject UserInfo { get; } = [];
    public JsonObject Introspection { get; } = [];
    public List<string> Audiences { get; } = [];
}
