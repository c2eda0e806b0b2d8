using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using Samverkan.Gateway.RateLimiting;

namespace Samverkan.Gateway.Tests.Unit;

// The early-refusal box only ever refuses, only the exact token that was refused, only until the
// retry time the caller was given, and never past the token's own expiry.
public sealed class RefusedTokensTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_refused_token_is_refused_until_its_retry_time_and_no_other_token_is()
    {
        var time = new FakeTimeProvider(Start);
        var box = new RefusedTokens(time);
        box.Add("Bearer a", Token(expires: Start.AddMinutes(5)), "client 'x'", TimeSpan.FromSeconds(1));

        Assert.True(box.TryGet("Bearer a", out var refusal, out var remaining));
        Assert.Equal("client 'x'", refusal.Caller);
        Assert.Equal(TimeSpan.FromSeconds(1), remaining);
        Assert.False(box.TryGet("Bearer b", out _, out _));
        Assert.False(box.TryGet("Bearer a ", out _, out _));

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(box.TryGet("Bearer a", out _, out remaining));
        Assert.Equal(TimeSpan.FromMilliseconds(1), remaining);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(box.TryGet("Bearer a", out _, out _));
    }

    [Fact]
    public void A_refusal_never_outlives_the_token_so_an_expired_token_is_still_unauthenticated()
    {
        var time = new FakeTimeProvider(Start);
        var box = new RefusedTokens(time);
        box.Add("Bearer soon", Token(expires: Start.AddSeconds(2)), "client 'x'", TimeSpan.FromHours(1));
        box.Add("Bearer gone", Token(expires: Start), "client 'x'", TimeSpan.FromHours(1));

        Assert.True(box.TryGet("Bearer soon", out _, out var remaining));
        Assert.Equal(TimeSpan.FromSeconds(2), remaining);
        Assert.False(box.TryGet("Bearer gone", out _, out _));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(box.TryGet("Bearer soon", out _, out _));
    }

    [Fact]
    public void The_box_is_bounded_and_makes_room_from_expired_refusals()
    {
        var time = new FakeTimeProvider(Start);
        var box = new RefusedTokens(time);
        var user = Token(expires: Start.AddHours(1));
        for (var i = 0; i < RefusedTokens.MaxEntries; i++) box.Add($"Bearer {i}", user, "c", TimeSpan.FromSeconds(1));

        box.Add("Bearer full", user, "c", TimeSpan.FromSeconds(1));
        Assert.False(box.TryGet("Bearer full", out _, out _));

        time.Advance(TimeSpan.FromSeconds(1));
        box.Add("Bearer later", user, "c", TimeSpan.FromSeconds(1));
        Assert.True(box.TryGet("Bearer later", out _, out _));
    }

    [Theory]
    [InlineData(5000, null, 250)]       // at most MaxHold
    [InlineData(100, null, 100)]        // never past the retry time
    [InlineData(5000, "10S", 250)]
    [InlineData(5000, "300m", 150)]     // at most half the caller's deadline
    [InlineData(5000, "200000u", 100)]
    [InlineData(5000, "bogus", 250)]    // an unreadable grpc-timeout is ignored (the call's own deadline still applies)
    [InlineData(0, null, 0)]
    public void An_early_refusal_is_held_at_most_MaxHold_the_retry_time_and_half_the_deadline(int remainingMs, string? grpcTimeout, int expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), EarlyRefusalMiddleware.MaxHold);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), EarlyRefusalMiddleware.Hold(TimeSpan.FromMilliseconds(remainingMs), grpcTimeout));
    }

    private static ClaimsPrincipal Token(DateTimeOffset expires) =>
        new(new ClaimsIdentity([new Claim("exp", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))], "test"));
}
