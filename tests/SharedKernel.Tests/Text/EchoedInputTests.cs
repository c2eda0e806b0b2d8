using Samverkan.SharedKernel.Text;

namespace Samverkan.SharedKernel.Tests.Text;

public sealed class EchoedInputTests
{
    [Fact]
    public void A_short_value_is_quoted_as_sent() => Assert.Equal("'2080'", EchoedInput.Quote("2080"));

    [Fact]
    public void A_missing_value_says_so() => Assert.Equal("(unset)", EchoedInput.Quote(null));

    [Fact]
    public void A_long_value_is_cut_and_its_length_given()
    {
        var quoted = EchoedInput.Quote(new string('x', 19_710));

        Assert.Equal($"'{new string('x', EchoedInput.MaxShownCharacters)}'… (19710 characters)", quoted);
    }

    [Theory]
    [InlineData("20\u200b80", @"'20\u200B80'")]
    [InlineData("20\080", @"'20\u000080'")]
    [InlineData("2080\t", @"'2080\u0009'")]
    public void Invisible_characters_are_shown_as_escapes(string value, string expected) => Assert.Equal(expected, EchoedInput.Quote(value));
}
