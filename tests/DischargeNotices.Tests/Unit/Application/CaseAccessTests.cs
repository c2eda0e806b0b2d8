using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Unit.Application;

public sealed class CaseAccessTests
{
    private readonly CaseAccess _access = new(TestDirectory.Shipped);
    private readonly Samverkan.DischargeNotices.Domain.Cases.DischargeCase _falunCase = Scenario.Admit(Sweden.At(2024, 3, 4, 8, 0));

    [Fact]
    public void Only_the_sender_and_the_recipients_see_a_case()
    {
        Assert.True(CaseAccess.CanSee(InpatientNurse, _falunCase));
        Assert.True(CaseAccess.CanSee(FalunSocialWorker, _falunCase));
        Assert.True(CaseAccess.CanSee(HealthCentreNurse, _falunCase));
        Assert.False(CaseAccess.CanSee(OtherWardNurse, _falunCase));
    }

    [Fact]
    public void A_municipality_sees_nothing_of_another_municipalitys_resident()
    {
        Assert.False(CaseAccess.CanSee(BorlangeSocialWorker, _falunCase));
        Assert.False(CaseAccess.CanSee(BorlangeSystem, _falunCase));
        Assert.Equal(ViolationKind.NotFound, Assert.Throws<CaseRuleViolation>(() => CaseAccess.RequireVisible(BorlangeSystem, _falunCase, "x")).Kind);
    }

    [Fact]
    public void A_system_account_sees_the_cases_of_its_whole_organisation()
    {
        Assert.True(CaseAccess.CanSee(FalunSystem, _falunCase));
        Assert.True(CaseAccess.CanSee(RegionSystem, _falunCase));
    }

    [Fact]
    public void Only_inpatient_staff_of_the_region_send_notices()
    {
        Assert.Equal("20-slv-falun-med", _access.RequireSendingUnit(InpatientNurse, null).Id);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() => _access.RequireSendingUnit(FalunSocialWorker, null)).Kind);
        var outpatientWithSenderRole = Callers.Staff("x", "20", Samverkan.ServiceDefaults.Authorization.OrganisationKind.Region, "20-vc-2080",
            Samverkan.ServiceDefaults.Authorization.PlatformRoles.DischargeSender);
        Assert.Contains("not an inpatient unit", Assert.Throws<CaseRuleViolation>(() => _access.RequireSendingUnit(outpatientWithSenderRole, null)).Message);
    }

    [Fact]
    public void Staff_act_for_the_unit_in_their_token_and_systems_name_one_of_their_own()
    {
        Assert.Equal(ViolationKind.PermissionDenied, Assert.ThrowsAny<RuleViolation>(() => _access.ActingUnit(InpatientNurse, "20-slv-mora-med")).Kind);
        Assert.Equal("acting_unit", Assert.ThrowsAny<RuleViolation>(() => _access.ActingUnit(RegionSystem, null)).Field);
        Assert.Equal("20-slv-mora-med", _access.ActingUnit(RegionSystem, "20-slv-mora-med").Id);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.ThrowsAny<RuleViolation>(() => _access.ActingUnit(FalunSystem, "2081-soc")).Kind);
        Assert.Equal(ViolationKind.InvalidArgument, Assert.ThrowsAny<RuleViolation>(() => _access.ActingUnit(FalunSystem, "2080-nope")).Kind);
    }

    [Fact]
    public void Receiving_steps_need_the_receiver_role_and_a_recipient_unit()
    {
        Assert.Equal("2080-soc", _access.RequireRecipientUnit(FalunSocialWorker, null, _falunCase).Id);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() => _access.RequireRecipientUnit(InpatientNurse, null, _falunCase)).Kind);
        Assert.Equal("2080-hsl", _access.RequireRecipientUnit(FalunSystem, "2080-hsl", _falunCase).Id);
    }

    [Fact]
    public void Reading_needs_a_discharge_role()
    {
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() => CaseAccess.RequireReader(FalunAnalyst)).Kind);
    }

    [Fact]
    public void Listings_cover_the_staff_unit_or_the_system_organisation()
    {
        Assert.Equal(new NoticeScope("2080", "2080-soc"), _access.ListingScope(FalunSocialWorker, null));
        Assert.Equal(new NoticeScope("2080", null), _access.ListingScope(FalunSystem, null));
        Assert.Equal(new NoticeScope("2080", "2080-hsl"), _access.ListingScope(FalunSystem, "2080-hsl"));
    }
}
