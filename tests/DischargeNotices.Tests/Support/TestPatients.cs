using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.SharedKernel.Identity;

namespace Samverkan.DischargeNotices.Tests.Support;

// Valid, distinct personnummer for tests (generated, Luhn-correct; not real people's numbers).
public static class TestPatients
{
    private static int _next;

    public static PersonalIdentityNumber NextNumber()
    {
        var date = new DateOnly(1930, 1, 1).AddDays(Interlocked.Increment(ref _next) * 7 % 20_000);
        var nine = $"{date.Year % 100:D2}{date.Month:D2}{date.Day:D2}{Random.Shared.Next(0, 1000):D3}";
        return PersonalIdentityNumber.Parse($"{date.Year / 100:D2}{nine}{PersonalIdentityNumber.LuhnCheckDigit(nine)}");
    }

    public static Patient Next(bool protectedIdentity = false) =>
        new(NextNumber(), "Test", "Testsson", new PostalAddress("Storgatan 1", "791 71", "Falun"), protectedIdentity);
}
