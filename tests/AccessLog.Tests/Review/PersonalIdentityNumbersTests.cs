using Samverkan.AccessLog.Persons;

namespace Samverkan.AccessLog.Tests.Review;

public sealed class PersonalIdentityNumbersTests
{
    [Theory]
    [InlineData("191212121212")] // Skatteverket's test number
    [InlineData("194504282221")]
    [InlineData("197010632391")] // samordningsnummer: day 03 + 60
    public void Valid_numbers_pass(string value) => Assert.True(PersonalIdentityNumbers.IsValid(value));

    [Theory]
    [InlineData("191212121213")] // wrong check digit
    [InlineData("19121212-1212")]
    [InlineData("1212121212")]
    [InlineData("191213121212")] // month 13
    [InlineData("190002301234")] // 30 February
    [InlineData("19121212121a")]
    [InlineData("")]
    public void Invalid_numbers_fail(string value) => Assert.False(PersonalIdentityNumbers.IsValid(value));
}
