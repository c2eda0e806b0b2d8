using Samverkan.SharedKernel.Directory;
using Samverkan.AccessLog.Review;
using Samverkan.AccessLog.Tests.Fakes;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.AccessLog.Tests.Review;

public sealed class AuditorScopeTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryJson.Load(Path.Combine(AppContext.BaseDirectory, "directory", "units.json"));

    [Fact]
    public void An_auditor_of_Falun_sees_the_accesses_of_Falun_users()
    {
        var auditor = TestRecords.Caller("2080", "2080-soc", PlatformRoles.Auditor);
        Assert.True(AuditorScope.MaySee(auditor, TestRecords.Access(organisation: "2080", unit: "2080-hsl")));
    }

    [Fact]
    public void An_auditor_of_Falun_never_sees_the_accesses_of_Mora_users_even_to_Falun_resources()
    {
        var auditor = TestRecords.Caller("2080", "2080-soc", PlatformRoles.Auditor);
        Assert.False(AuditorScope.MaySee(auditor, TestRecords.Access(organisation: "2062", unit: "2062-soc")));
        Assert.False(AuditorScope.MaySee(auditor, TestRecords.Access(organisation: "2062", unit: "2062-soc", resourceOrganisation: "2080", resourceUnit: "2080-soc")));
    }

    [Fact]
    public void Without_the_auditor_role_nothing_is_visible()
    {
        var administrator = TestRecords.Caller("2080", "2080-soc", PlatformRoles.Administrator, PlatformRoles.DischargeReceiver);
        Assert.False(AuditorScope.MaySee(administrator, TestRecords.Access(organisation: "2080")));
    }

    [Theory]
    [InlineData("2080-soc", UnitCheck.OwnOrganisation)]
    [InlineData("20-vc-2080", UnitCheck.OtherOrganisation)]
    [InlineData("2062-soc", UnitCheck.OtherOrganisation)]
    [InlineData("2080-nope", UnitCheck.Unknown)]
    public void Units_are_checked_against_the_directory(string unit, UnitCheck expected)
    {
        var auditor = TestRecords.Caller("2080", "2080-soc", PlatformRoles.Auditor);
        Assert.Equal(expected, AuditorScope.CheckUnit(auditor, unit, Directory));
    }
}
