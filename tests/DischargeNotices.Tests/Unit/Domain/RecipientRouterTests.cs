using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Routing;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

public sealed class RecipientRouterTests
{
    private readonly RecipientRouter _router = new(TestDirectory.Shipped);

    [Fact]
    public void Social_services_only_goes_to_the_residence_municipality_social_services()
    {
        var recipients = _router.Route("2062", [CareNeed.SocialServices], null);

        var only = Assert.Single(recipients);
        Assert.Equal(("2062-soc", "2062", RecipientKind.SocialServices), (only.UnitId, only.OrganisationCode, only.Kind));
    }

    [Fact]
    public void Municipal_health_care_always_brings_the_serving_health_centre()
    {
        var recipients = _router.Route("2081", [CareNeed.MunicipalHealthCare], null);

        Assert.Equal(["2081-hsl", "20-vc-2081"], recipients.Select(r => r.UnitId));
        Assert.Equal(RecipientKind.OutpatientCare, recipients[1].Kind);
    }

    [Fact]
    public void The_sender_may_name_another_outpatient_unit_of_the_region()
    {
        var recipients = _router.Route("2080", [CareNeed.SocialServices, CareNeed.OutpatientCare], "20-psyk-opv");

        Assert.Equal(["2080-soc", "20-psyk-opv"], recipients.Select(r => r.UnitId));
    }

    [Theory]
    [InlineData("20-slv-falun-med")]   // inpatient, not outpatient
    [InlineData("2080-hsl")]           // municipal
    [InlineData("20-no-such-unit")]
    public void A_named_outpatient_unit_must_be_an_outpatient_unit_of_the_region(string unit)
    {
        var violation = Assert.Throws<CaseRuleViolation>(() => _router.Route("2080", [CareNeed.OutpatientCare], unit));

        Assert.Equal((ViolationKind.InvalidArgument, "outpatient_unit"), (violation.Kind, violation.Field));
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("20")]      // the region is not a municipality of residence
    [InlineData("")]
    public void An_unknown_municipality_is_invalid(string code)
    {
        var violation = Assert.Throws<CaseRuleViolation>(() => _router.Route(code, [CareNeed.SocialServices], null));

        Assert.Equal((ViolationKind.InvalidArgument, "residence_municipality"), (violation.Kind, violation.Field));
    }

    [Fact]
    public void Naming_an_outpatient_unit_without_an_outpatient_need_is_invalid()
    {
        var violation = Assert.Throws<CaseRuleViolation>(() => _router.Route("2080", [CareNeed.SocialServices], "20-psyk-opv"));

        Assert.Equal("outpatient_unit", violation.Field);
    }
}
