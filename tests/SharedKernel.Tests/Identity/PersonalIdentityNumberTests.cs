using Samverkan.SharedKernel.Identity;

namespace Samverkan.SharedKernel.Tests.Identity;

public sealed class PersonalIdentityNumberTests
{
    [Theory]
    [InlineData("191212121212")]
    [InlineData("19121212-1212")]
    [InlineData(" 191212121212 ")]
    public void Accepts_the_twelve_digit_forms_and_stores_digits_only(string input)
    {
        var number = PersonalIdentityNumber.Parse(input);

        Assert.Equal("191212121212", number.Value);
        Assert.Equal(new DateOnly(1912, 12, 12), number.DatePart);
        Assert.False(number.IsCoordinationNumber);
    }

    [Fact]
    public void A_samordningsnummer_has_day_plus_sixty_and_its_date_part_is_the_real_day()
    {
        // Skatteverket's published example 701063-2391: day 63 = the 3rd.
        var number = PersonalIdentityNumber.Parse("197010632391");

        Assert.True(number.IsCoordinationNumber);
        Assert.Equal(new DateOnly(1970, 10, 3), number.DatePart);
    }

    [Theory]
    [InlineData("191212121213", "check digit")]
    [InlineData("19121212121", "12 digits")]
    [InlineData("1912121212123", "12 digits")]
    [InlineData("19121212x212", "12 digits")]
    [InlineData("", "empty")]
    [InlineData("191213121212", "date part")]   // month 13
    [InlineData("190230121212", "date part")]   // 30 February
    [InlineData("190292121212", "date part")]   // samordningsnummer day 92 = 32
    [InlineData("190200121212", "date part")]   // day 00
    public void Rejects_invalid_numbers_with_a_reason(string input, string reason)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("191212121212", LegalSex.Male)]     // ninth digit of the ten-digit form: 1
    [InlineData("198507099805", LegalSex.Female)]   // 0
    public void Legal_sex_follows_the_ninth_digit(string input, LegalSex expected)
    {
        Assert.Equal(expected, PersonalIdentityNumber.Parse(input).LegalSex);
    }

    [Fact]
    public void ToString_never_shows_the_full_number()
    {
        var number = PersonalIdentityNumber.Parse("191212121212");

        Assert.Equal("19121212-****", number.ToString());
        Assert.DoesNotContain("1212121212", $"{number}");
    }

    [Theory]
    [InlineData("121212-1212", "2024-06-01", "201212121212")]
    [InlineData("121212+1212", "2024-06-01", "191212121212")]
    [InlineData("301231-1233", "2024-06-01", "193012311233")]
    [InlineData("240602-1234", "2024-06-01", "192406021234")]   // later this year: born a century ago
    public void Ten_digit_forms_resolve_the_century_from_the_reference_date(string input, string reference, string expected)
    {
        var ok = PersonalIdentityNumber.TryParseTenDigit(input, DateOnly.Parse(reference), out var number, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, number!.Value);
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Assert.Equal(PersonalIdentityNumber.Parse("19121212-1212"), PersonalIdentityNumber.Parse("191212121212"));
        Assert.NotEqual(PersonalIdentityNumber.Parse("191212121212"), PersonalIdentityNumber.Parse("197010632391"));
    }
}
