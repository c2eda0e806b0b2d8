using Samverkan.AccessLog.Review;

namespace Samverkan.AccessLog.Tests.Review;

public sealed class PageTokenTests
{
    [Fact]
    public void A_token_round_trips()
    {
        var token = new PageToken(1_795_000_000_123, 3);
        Assert.True(PageToken.TryDecode(token.Encode(), out var decoded));
        Assert.Equal(token, decoded);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("bm90LWEtdG9rZW4")]
    [InlineData("YTE6MTIzOi0x")] // a1:123:-1
    public void Foreign_tokens_are_refused(string text) => Assert.False(PageToken.TryDecode(text, out _));

    [Fact]
    public void The_next_page_skips_entries_with_the_last_score_already_returned()
    {
        Assert.Equal(new PageToken(100, 2), PageToken.After([300, 200, 100, 100], null));
        // Still inside a run of equal scores that started on the previous page.
        Assert.Equal(new PageToken(100, 5), PageToken.After([100, 100, 100], new PageToken(100, 2)));
        Assert.Equal(new PageToken(50, 1), PageToken.After([100, 50], new PageToken(100, 2)));
    }
}
