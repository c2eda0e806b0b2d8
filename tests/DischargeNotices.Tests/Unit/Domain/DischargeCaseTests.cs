using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Consent;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

public sealed class DischargeCaseTests
{
    private static readonly DateTimeOffset Admitted = Sweden.At(2024, 3, 4, 8, 0);

    [Fact]
    public void The_admission_notice_opens_the_case_addressed_to_the_routed_recipients()
    {
        var @case = Admit(Admitted);

        var admission = Assert.IsType<AdmissionNoticeSent>(Assert.Single(@case.Events));
        Assert.Equal(1, admission.Sequence);
        Assert.Equal(CaseStatus.Admitted, @case.Status);
        Assert.Equal(["2080-soc", "2080-hsl", "20-vc-2080"], admission.Addressees);
        Assert.Equal(Admitted.AddHours(1), admission.RecordedAt);
        Assert.True(@case.NeedsRegionAndMunicipality);
    }

    [Fact]
    public void Without_consent_to_send_notices_no_case_is_opened_and_the_missing_scope_is_named()
    {
        var violation = Assert.Throws<CaseRuleViolation>(() =>
            Admit(Admitted, consent: Consent(Admitted, ConsentScope.TransferInformation)));

        Assert.Equal(ViolationKind.MissingConsent, violation.Kind);
        Assert.Equal(ConsentScope.SendNotices, violation.MissingConsent);
        Assert.Contains("CONSENT_SCOPE_SEND_NOTICES", violation.Message);
    }

    [Fact]
    public void An_expired_time_limited_consent_does_not_count()
    {
        var expired = Consent(Admitted.AddDays(-10), ConsentScope.SendNotices) with { ValidUntil = Admitted.AddDays(-1) };

        var violation = Assert.Throws<CaseRuleViolation>(() => Admit(Admitted, consent: expired));

        Assert.Equal(ViolationKind.MissingConsent, violation.Kind);
    }

    [Fact]
    public void An_admission_in_the_future_is_invalid_but_clock_skew_within_tolerance_is_accepted()
    {
        var now = Admitted;
        var details = Details(now.AddMinutes(10));

        var violation = Assert.Throws<CaseRuleViolation>(() => DischargeCase.Open("c", details, Recipients(details), At(now)));
        Assert.Equal(ViolationKind.InvalidArgument, violation.Kind);
        Assert.Equal("admitted_at", violation.Field);

        var skewed = Details(now.AddMinutes(2));
        Assert.Single(DischargeCase.Open("c", skewed, Recipients(skewed), At(now)).Events);
    }

    [Fact]
    public void The_needs_judgement_cannot_precede_the_admission()
    {
        var details = Details(Admitted, needsAssessedAt: Admitted.AddHours(-1));

        var violation = Assert.Throws<CaseRuleViolation>(() => DischargeCase.Open("c", details, Recipients(details), At(Admitted.AddHours(2))));

        Assert.Equal("needs_assessed_at", violation.Field);
    }

    [Fact]
    public void The_estimated_discharge_date_cannot_precede_the_admission_day()
    {
        var details = Details(Admitted, estimatedDischarge: Sweden.Day(2024, 3, 3));

        var violation = Assert.Throws<CaseRuleViolation>(() => DischargeCase.Open("c", details, Recipients(details), At(Admitted.AddHours(2))));

        Assert.Equal("estimated_discharge_date", violation.Field);
    }

    [Fact]
    public void Readiness_before_admission_is_refused_and_nothing_changes()
    {
        var @case = Admit(Admitted);

        var violation = Assert.Throws<CaseRuleViolation>(() =>
            @case.NotifyReadyForDischarge(Admitted.AddHours(-2), At(Admitted.AddHours(3))));

        Assert.Equal(ViolationKind.FailedPrecondition, violation.Kind);
        Assert.Contains("before the admission", violation.Message);
        Assert.Single(@case.Events);
        Assert.Equal(CaseStatus.Admitted, @case.Status);
    }

    [Fact]
    public void Readiness_judged_in_the_future_is_invalid()
    {
        var @case = Admit(Admitted);
        var now = Admitted.AddDays(1);

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.NotifyReadyForDischarge(now.AddHours(1), At(now)));

        Assert.Equal(ViolationKind.InvalidArgument, violation.Kind);
        Assert.Equal("judged_ready_at", violation.Field);
    }

    [Fact]
    public void Readiness_can_be_withdrawn_and_given_again_and_each_step_is_a_new_event()
    {
        var @case = Admit(Admitted);

        @case.Ready(Admitted.AddDays(2));
        Assert.Equal(CaseStatus.ReadyForDischarge, @case.Status);
        @case.Withdraw(Admitted.AddDays(3));
        Assert.Equal(CaseStatus.Admitted, @case.Status);
        var again = @case.Ready(Admitted.AddDays(5));

        Assert.Equal(CaseStatus.ReadyForDischarge, @case.Status);
        Assert.Same(again, @case.ReadinessInForce);
        Assert.Equal([1, 2, 3, 4], @case.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void A_second_readiness_notice_while_one_is_in_force_is_a_duplicate()
    {
        var @case = Admit(Admitted);
        @case.Ready(Admitted.AddDays(2));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.Ready(Admitted.AddDays(2).AddHours(1)));

        Assert.Equal(ViolationKind.AlreadyExists, violation.Kind);
        Assert.Equal(2, @case.Events.Count);
    }

    [Fact]
    public void Withdrawing_without_a_readiness_notice_in_force_is_refused()
    {
        var @case = Admit(Admitted);

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.Withdraw(Admitted.AddDays(1)));

        Assert.Equal(ViolationKind.FailedPrecondition, violation.Kind);
    }

    [Fact]
    public void A_withdrawal_dated_before_the_readiness_judgement_is_out_of_order()
    {
        var @case = Admit(Admitted);
        @case.NotifyReadyForDischarge(Admitted.AddDays(2), At(Admitted.AddDays(2)));

        var violation = Assert.Throws<CaseRuleViolation>(() =>
            @case.WithdrawReadiness(Admitted.AddDays(1), ReadinessWithdrawalReason.ConditionChanged, At(Admitted.AddDays(3))));

        Assert.Equal(ViolationKind.FailedPrecondition, violation.Kind);
        Assert.Contains("out of order", violation.Message);
    }

    [Fact]
    public void Discharge_before_readiness_is_refused()
    {
        var @case = Admit(Admitted);

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.Discharged(Admitted.AddDays(2)));

        Assert.Equal(ViolationKind.FailedPrecondition, violation.Kind);
        Assert.Contains("Discharge before readiness", violation.Message);
        Assert.True(@case.IsOpen);
    }

    [Fact]
    public void Discharge_after_a_withdrawn_readiness_is_refused()
    {
        var @case = Admit(Admitted);
        @case.Ready(Admitted.AddDays(2));
        @case.Withdraw(Admitted.AddDays(3));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.Discharged(Admitted.AddDays(4)));

        Assert.Equal(ViolationKind.FailedPrecondition, violation.Kind);
    }

    [Fact]
    public void A_discharge_dated_before_the_readiness_judgement_is_out_of_order()
    {
        var @case = Admit(Admitted);
        @case.NotifyReadyForDischarge(Admitted.AddDays(2), At(Admitted.AddDays(2)));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.RegisterDischarge(Admitted.AddDays(1), At(Admitted.AddDays(3))));

        Assert.Contains("out of order", violation.Message);
    }

    [Fact]
    public void The_discharge_closes_the_case_and_a_second_one_is_a_duplicate()
    {
        var @case = Admit(Admitted);
        @case.Ready(Admitted.AddDays(2));
        @case.Discharged(Admitted.AddDays(3));

        Assert.Equal(CaseStatus.Discharged, @case.Status);
        Assert.Equal(ViolationKind.AlreadyExists, Assert.Throws<CaseRuleViolation>(() => @case.Discharged(Admitted.AddDays(4))).Kind);
        Assert.Equal(ViolationKind.FailedPrecondition, Assert.Throws<CaseRuleViolation>(() => @case.Ready(Admitted.AddDays(4))).Kind);
    }

    [Fact]
    public void Information_transfer_needs_its_own_consent_scope()
    {
        var @case = Admit(Admitted, consent: Consent(Admitted, ConsentScope.SendNotices));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.TransferInformation(null, "Läkemedelslista", At(Admitted.AddDays(1))));
        Assert.Equal(ConsentScope.TransferInformation, violation.MissingConsent);

        @case.RecordConsent(Consent(Admitted.AddDays(1), ConsentScope.TransferInformation), At(Admitted.AddDays(1)));
        var transfer = @case.TransferInformation(null, "Läkemedelslista", At(Admitted.AddDays(1)));

        Assert.Equal(3, transfer.Sequence);
    }

    [Fact]
    public void A_withdrawn_consent_stops_further_notices()
    {
        var @case = Admit(Admitted);
        @case.WithdrawConsent([ConsentScope.SendNotices], null, At(Admitted.AddDays(1)));

        var violation = Assert.Throws<CaseRuleViolation>(() => @case.Ready(Admitted.AddDays(2)));

        Assert.Equal(ConsentScope.SendNotices, violation.MissingConsent);
        Assert.DoesNotContain(ConsentScope.SendNotices, @case.ConsentScopesInForce(Admitted.AddDays(2)));
    }

    [Fact]
    public void Calling_to_a_sip_needs_sip_consent_and_an_outpatient_recipient()
    {
        var @case = Admit(Admitted, consent: Consent(Admitted, ConsentScope.SendNotices));

        Assert.Equal(ConsentScope.Sip, Assert.Throws<CaseRuleViolation>(() =>
            @case.RecordSipInvitation("20-vc-2080", Admitted.AddDays(1), null, At(Admitted.AddDays(1), HealthCentre))).MissingConsent);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() =>
            @case.RecordSipInvitation("2080-soc", Admitted.AddDays(1), null, At(Admitted.AddDays(1), SocialServices))).Kind);
    }

    [Fact]
    public void An_unacknowledged_notice_never_blocks_the_flow()
    {
        var @case = Admit(Admitted);

        @case.Ready(Admitted.AddDays(2));
        @case.TransferInformation(null, "Omvårdnadsepikris", At(Admitted.AddDays(2)));
        @case.Discharged(Admitted.AddDays(3));

        Assert.Equal(CaseStatus.Discharged, @case.Status);
        Assert.All(@case.Notices, n => Assert.All(n.Addressees, u => Assert.Null(@case.AcknowledgementOf(n.Sequence, u))));
    }

    [Fact]
    public void Acknowledging_twice_returns_the_first_acknowledgement()
    {
        var @case = Admit(Admitted);

        var (first, created) = @case.Acknowledge(1, "2080-soc", At(Admitted.AddHours(2), SocialServices));
        var (second, createdAgain) = @case.Acknowledge(1, "2080-soc", At(Admitted.AddHours(3), SocialServices));

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Same(first, second);
        Assert.Equal(2, @case.Events.Count);
    }

    [Fact]
    public void Only_addressees_acknowledge_and_only_notices_are_acknowledged()
    {
        var @case = Admit(Admitted, needs: [CareNeed.SocialServices]);
        @case.RecordConsent(Consent(Admitted), At(Admitted.AddHours(2)));

        Assert.Equal("notice_sequence", Assert.Throws<CaseRuleViolation>(() =>
            @case.Acknowledge(1, "2080-hsl", At(Admitted.AddHours(3)))).Field);
        Assert.Equal("notice_sequence", Assert.Throws<CaseRuleViolation>(() =>
            @case.Acknowledge(2, "2080-soc", At(Admitted.AddHours(3)))).Field);
    }

    [Fact]
    public void The_fixed_care_contact_is_appointed_by_the_outpatient_unit_and_told_to_the_others()
    {
        var @case = Admit(Admitted);

        var appointed = @case.AppointFixedCareContact("20-vc-2080", "Anna Andersson", "Distriktssköterska", "023-49 00 00", At(Admitted.AddDays(1), HealthCentre));

        Assert.Equal(["20-slv-falun-med", "2080-soc", "2080-hsl"], appointed.Addressees);
        Assert.Equal("Anna Andersson", @case.FixedCareContact!.Name);
        Assert.Equal(ViolationKind.PermissionDenied, Assert.Throws<CaseRuleViolation>(() =>
            @case.AppointFixedCareContact("2080-hsl", "X", "", "", At(Admitted.AddDays(1), SocialServices))).Kind);
    }

    [Fact]
    public void A_case_rebuilt_from_its_history_has_the_same_state()
    {
        var @case = Admit(Admitted);
        @case.Ready(Admitted.AddDays(2));
        @case.Withdraw(Admitted.AddDays(3));
        @case.Ready(Admitted.AddDays(4));
        @case.AppointFixedCareContact("20-vc-2080", "Anna", "", "", At(Admitted.AddDays(4), HealthCentre));

        var rebuilt = DischargeCase.Rehydrate(@case.Id, @case.Events);

        Assert.Equal(@case.Status, rebuilt.Status);
        Assert.Equal(@case.ReadinessInForce!.Sequence, rebuilt.ReadinessInForce!.Sequence);
        Assert.Equal(@case.FixedCareContact, rebuilt.FixedCareContact);
        Assert.Equal(@case.LatestClinicalAt, rebuilt.LatestClinicalAt);
    }

    [Fact]
    public void Records_never_print_personal_data()
    {
        var @case = Admit(Admitted);

        Assert.DoesNotContain("Tolvan", @case.Events[0].ToString());
        Assert.DoesNotContain("1212121212", @case.Events[0].ToString());
        Assert.DoesNotContain("Tolvan", Scenario.Patient.ToString());
    }

    private static IReadOnlyList<RecipientUnit> Recipients(AdmissionDetails details) =>
        new Samverkan.DischargeNotices.Domain.Routing.RecipientRouter(TestDirectory.Shipped).Route(details.ResidenceMunicipality, details.Needs, null);
}
