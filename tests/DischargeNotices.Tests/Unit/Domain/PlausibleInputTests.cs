using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Routing;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.SharedKernel.Identity;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

// Issue #16, items 1 and 3: values that are well-formed but cannot be true are refused.
public sealed class PlausibleInputTests
{
    private static readonly DateTimeOffset Admitted = Sweden.At(2026, 11, 23, 8, 0);
    private static readonly DateTimeOffset Now = Admitted.AddHours(1);

    private static DischargeCase Open(AdmissionDetails details) =>
        DischargeCase.Open("c", details, new RecipientRouter(TestDirectory.Shipped).Route(details.ResidenceMunicipality, details.Needs, null), At(Now));

    [Theory]
    [InlineData("209001010009")]   // born 2090-01-01, correct check digit
    [InlineData("209001610006")]   // the samordningsnummer of 2090-01-01
    [InlineData("188001010001")]   // born 1880: 146 years old
    public void A_patient_whose_number_cannot_be_a_birth_date_opens_no_case(string number)
    {
        var details = Details(Admitted) with { Patient = Scenario.Patient with { PersonalIdentityNumber = PersonalIdentityNumber.Parse(number) } };

        var violation = Assert.Throws<CaseRuleViolation>(() => Open(details));

        Assert.Equal(ViolationKind.InvalidArgument, violation.Kind);
        Assert.Equal("patient.personal_identity_number", violation.Field);
        Assert.DoesNotContain(number, violation.Message);
    }

    [Fact]
    public void An_estimated_discharge_date_beyond_the_horizon_is_refused_at_admission()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Assert.Single(Open(Details(Admitted, estimatedDischarge: today.AddDays(DateHorizon.EstimatedDischargeDays))).Events);

        var violation = Assert.Throws<CaseRuleViolation>(() => Open(Details(Admitted, estimatedDischarge: new DateOnly(9999, 12, 31))));
        Assert.Equal(("estimated_discharge_date", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
        Assert.Contains($"{DateHorizon.EstimatedDischargeDays} days", violation.Message);
        Assert.Throws<CaseRuleViolation>(() => Open(Details(Admitted, estimatedDischarge: today.AddDays(DateHorizon.EstimatedDischargeDays + 1))));
    }

    [Fact]
    public void A_changed_estimate_beyond_the_horizon_is_refused_and_changes_nothing()
    {
        var @case = Open(Details(Admitted));
        var later = Now.AddDays(2);

        var violation = Assert.Throws<CaseRuleViolation>(() =>
            @case.ChangeEstimatedDischargeDate(new DateOnly(9999, 1, 1), null, At(later)));

        Assert.Equal(("estimated_discharge_date", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
        Assert.Single(@case.Events);
        // The horizon counts from the day of the change, so a long stay can still move its estimate.
        Assert.NotNull(@case.ChangeEstimatedDischargeDate(DateOnly.FromDateTime(later.UtcDateTime).AddDays(DateHorizon.EstimatedDischargeDays), null, At(later)));
    }
    // Issue #16.2: every free-text field has a bound, so a stored case (and a page of them) has one.
    [Theory]
    [InlineData("street", 201)]
    [InlineData("postal_code", 17)]
    [InlineData("city", 101)]
    public void An_address_field_over_its_bound_is_refused(string field, int length)
    {
        var text = new string('x', length);
        var address = field switch
        {
            "street" => new PostalAddress(text, "791 71", "Falun"),
            "postal_code" => new PostalAddress("Storgatan 1", text, "Falun"),
            _ => new PostalAddress("Storgatan 1", "791 71", text),
        };
        var details = Details(Admitted) with { Patient = Scenario.Patient with { RegisteredAddress = address } };

        var violation = Assert.Throws<CaseRuleViolation>(() => Open(details));

        Assert.Equal(($"patient.registered_address.{field}", ViolationKind.InvalidArgument), (violation.Field, violation.Kind));
        Assert.Contains($"at most {length - 1} characters", violation.Message);
    }

    [Fact]
    public void The_address_of_the_acceptance_run_is_refused()
    {
        var details = Details(Admitted) with
        {
            Patient = Scenario.Patient with { RegisteredAddress = new PostalAddress(new string('a', 900_000), "791 71", new string('b', 450_000)) },
        };

        Assert.Throws<CaseRuleViolation>(() => Open(details));
    }

    [Fact]
    public void A_sip_plan_id_over_64_characters_is_refused()
    {
        var @case = Open(Details(Admitted));
        @case.NotifyReadyForDischarge(Now.AddHours(1), At(Now.AddHours(1)));

        var violation = Assert.Throws<CaseRuleViolation>(() =>
            @case.RecordSipInvitation("20-vc-2080", Now.AddHours(2), new string('s', 65), At(Now.AddHours(2), HealthCentre)));

        Assert.Equal("sip_plan_id", violation.Field);
    }
}
