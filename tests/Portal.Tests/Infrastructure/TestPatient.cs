
namespace Samverkan.Portal.Tests.Infrastructure;

// A made-up patient with a valid, run-unique personnummer (random birth date and serial, Luhn
// check digit from SharedKernel) so tests never meet each other's open cases.
public sealed record TestPatient(string PersonalIdentityNumber, string GivenName, string FamilyName)
{
    public string Dashed => PersonalIdentityNumber[..8] + "-" + PersonalIdentityNumber[8..];

    public string FullName => $"{GivenName} {FamilyName}";

    public static TestPatient Create(string givenName)
    {
        var birth = new DateOnly(1930, 1, 1).AddDays(Random.Shared.Next(0, 365 * 60));
        var nine = birth.ToString("yyMMdd") + Random.Shared.Next(0, 1000).ToString("D3");
        var number = birth.ToString("yyyy")[..2] + nine + SharedKernel.Identity.PersonalIdentityNumber.LuhnCheckDigit(nine);
        return new TestPatient(number, givenName, "Testsson" + Random.Shared.Next(1000, 9999));
    }
}
