using Samverkan.ServiceCore.Paging;
using Samverkan.SharedKernel.Rules;

namespace Samverkan.ServiceCore.Tests.Paging;

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
    [InlineData("YTE6MTIzOjA")] // a1:123:0, the access log's retired format
    [InlineData("djF8MTIzfC0x")] // v1|123|-1
    public void Foreign_tokens_are_refused(string text) => Assert.False(PageToken.TryDecode(text, out _));

    [Fact]
    public void The_next_page_skips_entries_with_the_last_score_already_returned()
    {
        Assert.Equal(new PageToken(100, 2), PageToken.After([300, 200, 100, 100], null));
        // Still inside a run of equal scores that started on the previous page.
        Assert.Equal(new PageToken(100, 5), PageToken.After([100, 100, 100], new PageToken(100, 2)));
        Assert.Equal(new PageToken(50, 1), PageToken.After([100, 50], new PageToken(100, 2)));
    }

    [Fact]
    public void A_foreign_token_in_a_request_is_invalid_naming_the_field()
    {
        var refused = Assert.Throws<RuleViolation>(() => PageToken.Decode("x"));
        Assert.Equal((ViolationKind.InvalidArgument, "page.page_token"), (refused.Kind, refused.Field));
        Assert.Null(PageToken.Decode(""));
    }

    [Theory]
    [InlineData(0, PageSize.Default)]
    [InlineData(7, 7)]
    [InlineData(10_000, PageSize.Max)]
    public void Page_sizes_default_and_clamp(int requested, int served) => Assert.Equal(served, PageSize.Resolve(requested));

    [Fact]
    public void A_negative_page_size_is_invalid() =>
        Assert.Equal("page.page_size", Assert.Throws<RuleViolation>(() => PageSize.Resolve(-1)).Field);
}
