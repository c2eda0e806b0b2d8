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

    // Issue #16.1: a correct check digit does not make an impossible birth date possible.
    [Theory]
    [InlineData("209001010009", "future")]      // born 2090-01-01
    [InlineData("202611280005", "future")]      // tomorrow
    [InlineData("209001610006", "future")]      // samordningsnummer, day 61 = 2090-01-01
    [InlineData("189001010009", "130 years")]   // born 1890
    [InlineData("189001610006", "130 years")]   // samordningsnummer of 1890
    public void Refuses_a_date_part_that_cannot_be_a_birth_date_on_the_reference_date(string input, string reason)
    {
        var today = new DateOnly(2026, 11, 27);

        Assert.True(PersonalIdentityNumber.TryParse(input, out _, out _), "the form itself is valid");
        Assert.False(PersonalIdentityNumber.TryParse(input, today, out var number, out var error));
        Assert.Null(number);
        Assert.Contains(reason, error);
    }

    [Theory]
    [InlineData("202611270006")]   // born today
    [InlineData("189611280000")]   // 130 years old tomorrow: still possible
    [InlineData("191212121212")]
    [InlineData("197010632391")]
    public void Accepts_a_possible_birth_date(string input)
    {
        Assert.True(PersonalIdentityNumber.TryParse(input, new DateOnly(2026, 11, 27), out var number, out var error), error);
        Assert.Equal(input, number.Value);
    }

    [Fact]
    public void A_ten_digit_centenarian_form_older_than_130_years_is_refused()
    {
        // '+' moves 1990 a century back to 1890: 136 years before the reference date.
        Assert.False(PersonalIdentityNumber.TryParseTenDigit("900101+0009", new DateOnly(2026, 11, 27), out _, out var error));
        Assert.Contains("130 years", error);
    }
}
