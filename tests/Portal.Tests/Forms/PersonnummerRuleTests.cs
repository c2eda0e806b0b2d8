using Samverkan.Portal.Forms;

namespace Samverkan.Portal.Tests.Forms;

// The personnummer field's messages: which part is wrong, in words that say what to do.
public sealed class PersonnummerRuleTests
{
    [Theory]
    [InlineData("19121212-1212")]
    [InlineData("191212121212")]
    [InlineData(" 19121212-1212 ")]
    [InlineData("19121272-1219")] // samordningsnummer: day + 60
    public void A_valid_number_has_no_error_and_gives_the_12_digits(string input)
    {
        Assert.Null(PersonnummerRule.Check(input, out var number));
        Assert.Equal(12, number!.Value.Length);
    }

    [Theory]
    [InlineData("", "Fyll i personnummer")]
    [InlineData("121212-1212", "12 siffror")]
    [InlineData("1912121212", "12 siffror")]
    [InlineData("19121212--212", "ÅÅÅÅMMDD-NNNN")]
    [InlineData("1912121-21212", "ÅÅÅÅMMDD-NNNN")]
    [InlineData("19121212-1213", "Kontrollsiffran")]
    [InlineData("19121312-1212", "Datumdelen")]
    [InlineData("19120230-1212", "Datumdelen")]
    public void An_invalid_number_says_which_part_to_correct(string input, string expected)
    {
        var message = PersonnummerRule.Check(input, out var number);
        Assert.Null(number);
        Assert.Contains(expected, message);
    }
}
