using Samverkan.PersonalOmbudsmen.Domain.Assignments;
using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Identity;
using Samverkan.TestSupport.Processes;

namespace Samverkan.PersonalOmbudsmen.Tests.Support;

// Test clients with generated, Luhn-correct personnummer (not real people's numbers), and the
// unit directory that ships with the platform.
public static class TestClients
{
    public static readonly UnitDirectory Directory = UnitDirectoryJson.Load(RepositoryPaths.Combine("deploy/directory/units.json"));

    public static readonly DateTimeOffset Now = new(2026, 6, 15, 10, 0, 0, TimeSpan.Zero);

    private static int _next;

    // A personnummer for someone born on birthDate; serial digits chosen so the ninth digit gives the sex.
    public static PersonalIdentityNumber Number(DateOnly birthDate, LegalSex sex = LegalSex.Female)
    {
        var serial = (Interlocked.Increment(ref _next) % 40) * 2 + 10 + (sex == LegalSex.Male ? 1 : 0);
        var nine = $"{birthDate.Year % 100:D2}{birthDate.Month:D2}{birthDate.Day:D2}{serial:D3}";
        return PersonalIdentityNumber.Parse($"{birthDate.Year / 100:D2}{nine}{PersonalIdentityNumber.LuhnCheckDigit(nine)}");
    }

    public static Client Adult(LegalSex sex = LegalSex.Female, int age = 40, string given = "Sigrid", string family = "Ödmark") =>
        Client.Create(Number(DateOnly.FromDateTime(Now.UtcDateTime).AddYears(-age).AddDays(-30), sex).Value, given, family, "070-123 45 67", false);

    public static Assignment Open(Client? client = null, string municipality = "2080", DateTimeOffset? mandateAt = null, params Area[] areas) =>
        Assignment.Open(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), municipality, municipality + "-po", Directory,
            client ?? Adult(), mandateAt ?? Now.AddDays(-10), MandateForm.Written, areas, ["Få ordning på ekonomin"], Now);
}
