using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Samverkan.Gateway.Correlation;
using Samverkan.Gateway.Grpc;
using Samverkan.Gateway.Proxy;
using Samverkan.Gateway.RateLimiting;

namespace Samverkan.Gateway.Tests.Unit;

public sealed class SmallPartsTests
{
    [Theory]
    [InlineData("0d9b2c4e6f", true)]
    [InlineData("lifecare:msg-2024.11.23_7", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("new\nline", false)]
    [InlineData("åäö", false)]
    public void Correlation_ids_are_short_tokens_of_safe_characters(string value, bool acceptable)
    {
        Assert.Equal(acceptable, CorrelationId.IsAcceptable(value));
        Assert.False(CorrelationId.IsAcceptable(new string('a', CorrelationId.MaxLength + 1)));
        Assert.True(CorrelationId.IsAcceptable(CorrelationId.NewId()));
    }

    [Fact]
    public void Grpc_messages_are_percent_encoded()
    {
        Assert.Equal("100%25 s%C3%A4kert", GrpcStatusResponse.PercentEncode("100% säkert"));
        Assert.Equal("plain ascii: ok", GrpcStatusResponse.PercentEncode("plain ascii: ok"));
    }

    [Fact]
    public async Task The_body_limit_stream_refuses_more_than_the_limit_with_413()
    {
        var stream = new RequestBodyLimitStream(new MemoryStream(new byte[10]), limit: 8);
        var buffer = new byte[4];

        Assert.Equal(4, await stream.ReadAtLeastAsync(buffer, 4));
        Assert.Equal(4, await stream.ReadAtLeastAsync(buffer, 4));
        var error = await Assert.ThrowsAsync<BadHttpRequestException>(async () => await stream.ReadAtLeastAsync(buffer, 1));
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error.StatusCode);
    }

    [Fact]
    public async Task The_body_limit_stream_allows_exactly_the_limit()
    {
        var stream = new RequestBodyLimitStream(new MemoryStream(new byte[8]), limit: 8);

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(8, copy.Length);
    }

    [Fact]
    public void Rate_limit_partitions_are_per_client_and_organisation()
    {
        static ClaimsPrincipal Caller(string clientClaim, string client, string organisation) => new(new ClaimsIdentity(
        [
            new Claim(clientClaim, client),
            new Claim("organization", $$$"""{"{{{organisation}}}":{"id":"x","code":["2080"],"kind":["municipality"]}}""", "JSON"),
        ], "test"));

        Assert.Equal("client:system-falun|org:falun", RateLimitPartitions.ClientKey(Caller("azp", "system-falun", "falun")));
        Assert.Equal("client:staff-portal|org:mora", RateLimitPartitions.ClientKey(Caller("client_id", "staff-portal", "mora")));
        Assert.NotEqual(
            RateLimitPartitions.ClientKey(Caller("azp", "staff-portal", "falun")),
            RateLimitPartitions.ClientKey(Caller("azp", "staff-portal", "mora")));
    }
}
