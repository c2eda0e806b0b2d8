using Samverkan.PersonalOmbudsmen.Application.Access;
using Samverkan.PersonalOmbudsmen.Domain.Rules;
using Samverkan.SharedKernel.Rules;
using Samverkan.PersonalOmbudsmen.Tests.Support;
using Samverkan.ServiceDefaults.Authorization;

namespace Samverkan.PersonalOmbudsmen.Tests.Unit.Application;

public class OmbudAccessTests
{
    private readonly OmbudAccess _access = new(TestClients.Directory);
    private readonly string _falunAssignment = MunicipalIds.New("2080");

    [Fact]
    public void The_po_unit_of_the_clients_municipality_reaches_the_assignment() =>
        Assert.Equal("2080-po", _access.RequireAssignment(Callers.Ombudsman("2080"), _falunAssignment).Id);

    public static TheoryData<string, CallerIdentity> Outsiders => new()
    {
        { "PO of another municipality", Callers.Ombudsman("2085") },
        { "SIP participant of the same municipality", Callers.Staff("2080", "2080-soc", PlatformRoles.SipParticipant) },
        { "auditor of the same municipality", Callers.Staff("2080", "2080-soc", PlatformRoles.Auditor) },
        { "administrator", Callers.Staff("2080", "2080-soc", PlatformRoles.Administrator) },
        { "analyst", Callers.Staff("20", "20-psyk-opv", PlatformRoles.Analyst) },
        { "steering group", Callers.SteeringGroup("2080") },
        { "PO role on a social services unit", Callers.Staff("2080", "2080-soc", PlatformRoles.PersonalOmbudsman) },
        { "PO role without a unit", Callers.Staff("2080", null, PlatformRoles.PersonalOmbudsman) },
        { "the municipality's system account", Callers.System("2080", PlatformRoles.PersonalOmbudsman, PlatformRoles.SipParticipant) },
        { "region staff claiming a municipal PO unit", Callers.Staff("20", "2080-po", PlatformRoles.PersonalOmbudsman) },
    };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Nobody_else_reaches_an_assignment(string who, CallerIdentity caller)
    {
        var denied = Assert.Throws<OmbudRuleViolation>(() => _access.RequireAssignment(caller, _falunAssignment));
        Assert.True(denied.Kind == ViolationKind.PermissionDenied, who);
    }

    [Fact]
    public void A_malformed_assignment_id_is_an_invalid_argument()
    {
        foreach (var id in new[] { "", "2080", "2080-xyz", "../2080-" + new string('a', 32), "2080-" + new string('A', 32), new string('1', 200) })
        {
            Assert.Equal(ViolationKind.InvalidArgument, Assert.Throws<OmbudRuleViolation>(() => _access.RequireAssignment(Callers.Ombudsman(), id)).Kind);
        }
    }

    [Fact]
    public void Deficiencies_are_reviewed_by_the_steering_group_and_read_by_po_staff_too()
    {
        Assert.Equal("2080", OmbudAccess.RequireSteeringGroup(Callers.SteeringGroup()));
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<OmbudRuleViolation>(() => OmbudAccess.RequireSteeringGroup(Callers.Ombudsman())).Kind);
        Assert.Equal("2062", _access.RequireDeficiencyReader(Callers.Ombudsman("2062")));
        Assert.Equal("2080", _access.RequireDeficiencyReader(Callers.SteeringGroup()));
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<OmbudRuleViolation>(() =>
            _access.RequireDeficiencyReader(Callers.Staff("2080", "2080-soc", PlatformRoles.Auditor))).Kind);
    }

    [Fact]
    public void The_follow_up_is_for_analysts_everywhere_and_for_po_and_steering_at_home()
    {
        _access.RequireFollowUpReader(Callers.Staff("20", "20-psyk-opv", PlatformRoles.Analyst), "2080");
        _access.RequireFollowUpReader(Callers.SteeringGroup("2080"), "2080");
        _access.RequireFollowUpReader(Callers.Ombudsman("2080"), null);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<OmbudRuleViolation>(() => _access.RequireFollowUpReader(Callers.Ombudsman("2080"), "2062")).Kind);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<OmbudRuleViolation>(() =>
            _access.RequireFollowUpReader(Callers.Staff("2080", "2080-soc", PlatformRoles.SipParticipant), null)).Kind);
    }
}
