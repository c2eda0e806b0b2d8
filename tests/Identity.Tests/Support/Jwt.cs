using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Samverkan.Identity.Tests.Support;

// Reads a compact JWT without validating it (to assert on its shape).
public static class Jwt
{
    public static JsonObject Payload(string token) => Part(token, 1);

    public static JsonObject Header(string token) => Part(token, 0);

    private static JsonObject Part(string token, int index) =>
        JsonNode.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[index])))!.AsObject();
}
