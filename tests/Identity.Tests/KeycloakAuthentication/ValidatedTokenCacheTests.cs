using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Samverkan.ServiceDefaults.Keycloak;

namespace Samverkan.Identity.Tests.KeycloakAuthentication;

// The validated-token cache in front of JwtBearer's handler: real JWTs, a real JsonWebTokenHandler
// behind it (counting how often it is asked), and a fake clock for the cache's own expiry.
public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CountingHandler _inner = new();

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_answered_from_the_cache()
    {
        var handler = Handler();
        var token = Token(lifetime: TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters());
        var second = await handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("user-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Same(first.SecurityToken, second.SecurityToken);
    }

    [Fact]
    public async Task Invalid_tokens_are_never_cached()
    {
        var handler = Handler();
        var tampered = Token(lifetime: TimeSpan.FromMinutes(5))[..^2] + "xx";

        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters())).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_cached_token_is_validated_again_once_it_has_expired()
    {
        var handler = Handler();
        var token = Token(lifetime: TimeSpan.FromSeconds(30));
        await handler.ValidateTokenAsync(token, Parameters());

        _time.Advance(TimeSpan.FromSeconds(31));
        await handler.ValidateTokenAsync(token, Parameters());

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Entries_are_dropped_after_the_maximum_age_even_when_the_token_lives_longer()
    {
        var handler = Handler(maxAge: TimeSpan.FromMinutes(1));
        var token = Token(lifetime: TimeSpan.FromHours(1));
        await handler.ValidateTokenAsync(token, Parameters());

        _time.Advance(TimeSpan.FromSeconds(59));
        await handler.ValidateTokenAsync(token, Parameters());
        Assert.Equal(1, _inner.Calls);

        _time.Advance(TimeSpan.FromSeconds(2));
        await handler.ValidateTokenAsync(token, Parameters());
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task Every_hit_gets_its_own_identity_so_claims_added_for_one_call_do_not_leak_into_the_next()
    {
        var handler = Handler();
        var token = Token(lifetime: TimeSpan.FromMinutes(5));
        await handler.ValidateTokenAsync(token, Parameters());

        var one = await handler.ValidateTokenAsync(token, Parameters());
        one.ClaimsIdentity.AddClaim(new Claim("role", "added-by-a-transformation"));
        var two = await handler.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(one.ClaimsIdentity, two.ClaimsIdentity);
        Assert.Null(two.ClaimsIdentity.FindFirst("role"));
    }

    [Fact]
    public async Task A_full_cache_of_live_tokens_stops_caching_instead_of_growing()
    {
        var handler = Handler(maxEntries: 2);
        var tokens = Enumerable.Range(1, 3).Select(i => Token(TimeSpan.FromMinutes(5), subject: $"user-{i}")).ToArray();
        foreach (var token in tokens) await handler.ValidateTokenAsync(token, Parameters());

        foreach (var token in tokens) Assert.True((await handler.ValidateTokenAsync(token, Parameters())).IsValid);

        Assert.Equal(4, _inner.Calls); // 3 first validations + the third token again
    }

    [Fact]
    public async Task Room_is_made_by_dropping_expired_entries()
    {
        var handler = Handler(maxEntries: 1);
        await handler.ValidateTokenAsync(Token(TimeSpan.FromSeconds(5), subject: "short"), Parameters());
        _time.Advance(TimeSpan.FromSeconds(11)); // expired, and past the sweep interval

        var fresh = Token(TimeSpan.FromMinutes(5), subject: "fresh");
        await handler.ValidateTokenAsync(fresh, Parameters());
        await handler.ValidateTokenAsync(fresh, Parameters());

        Assert.Equal(2, _inner.Calls);
    }

    private CachingTokenHandler Handler(int maxEntries = 100, TimeSpan? maxAge = null) =>
        new(_inner, new ValidatedTokenCache(maxEntries, maxAge ?? TimeSpan.FromMinutes(5), _time));

    // Lifetime is checked by the real handler against the real clock; the cache uses the fake one.
    private string Token(TimeSpan lifetime, string subject = "user-1") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "https://idp.test/realms/samverkan",
        Audience = "sip-plans",
        Subject = new ClaimsIdentity([new Claim("sub", subject)]),
        IssuedAt = _time.GetUtcNow().UtcDateTime,
        NotBefore = _time.GetUtcNow().UtcDateTime.AddSeconds(-1),
        Expires = _time.GetUtcNow().UtcDateTime + lifetime,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "https://idp.test/realms/samverkan",
        ValidAudience = "sip-plans",
        IssuerSigningKey = Key,
        ClockSkew = TimeSpan.FromMinutes(10), // the real clock does not move with the fake one
    };

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _real = new() { MapInboundClaims = false };
        public int Calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref Calls);
            return _real.ValidateTokenAsync(token, validationParameters);
        }
    }
}
