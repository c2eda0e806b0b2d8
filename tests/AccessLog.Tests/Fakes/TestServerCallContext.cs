using System.Security.Claims;
using System.Text.Json;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Samverkan.AccessLog.Tests.Fakes;

// A ServerCallContext carrying an HttpContext with the claims a validated Keycloak token yields,
// for unit tests that call a gRPC service class directly (after eShop's Basket unit tests).
public sealed class TestServerCallContext : ServerCallContext
{
    private readonly Dictionary<object, object> _userState = new();

    private TestServerCallContext(ClaimsPrincipal user)
    {
        _userState["__HttpContext"] = new DefaultHttpContext { User = user };
    }

    public static TestServerCallContext For(string organisationAlias, string organisationCode, string? unit, params string[] roles)
    {
        var organisation = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            [organisationAlias] = new Dictionary<string, string[]> { ["code"] = [organisationCode], ["kind"] = [organisationCode == "20" ? "region" : "municipality"] },
        });
        var claims = new List<Claim>
        {
            new("sub", $"sub-{organisationAlias}-auditor"),
            new("preferred_username", $"{organisationAlias}.auditor"),
            new("azp", "portal"),
            new("organization", organisation, "JSON"),
            new("realm_access", JsonSerializer.Serialize(new { roles }), "JSON"),
        };
        if (unit is not null) claims.Add(new Claim("unit", unit));
        return new TestServerCallContext(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")));
    }

    protected override string MethodCore => "/samverkan.audit.v1.AccessLog/Test";
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => CancellationToken.None;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);
    protected override IDictionary<object, object> UserStateCore => _userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
