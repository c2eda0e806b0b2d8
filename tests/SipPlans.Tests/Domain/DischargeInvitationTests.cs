using Samverkan.SipPlans.Domain.Access;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.Plans;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class DischargeInvitationTests
{
    private static readonly DischargeDeadline Deadline = new("case-1", 4, Start, Start.AddDays(3), "20-vc-2080", ["2080-soc", "2080-hsl"], SipConsentRecorded: true);

    private static StepContext Service(int day = 0) => At(Start.AddDays(day), "20-vc-2080") with { Actor = new Actor(Region, "20-vc-2080", System: true) };

    [Fact]
    public void A_readiness_notice_opens_a_plan_in_invitation_due_for_the_fixed_care_contacts_unit()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline, Service());

        Assert.Equal(PlanState.InvitationDue, plan.State);
        Assert.Equal("20-vc-2080", plan.InitiatingUnit);
        Assert.Equal("case-1", plan.Initiation.DischargeCaseId);
        Assert.Equal(["20-vc-2080", "2080-soc", "2080-hsl"], plan.Participants.Select(p => p.UnitId));
        Assert.Equal(Start.AddDays(3), plan.InvitationDeadline!.DueAt);
        Assert.Equal(Region, plan.InvitationDeadline.ResponsibleOrganisation);
        Assert.Equal(ConsentForm.FromDischargeCase, plan.Consent.Grants.Single().Form);
        Assert.True(PlanAccess.CanSee(plan, Falun, Start));
    }

    [Fact]
    public void Without_the_sip_consent_only_the_fixed_care_contacts_organisation_sees_it_and_invitations_wait_for_consent()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline with { SipConsentRecorded = false }, Service());

        Assert.True(PlanAccess.CanSee(plan, Region, Start));
        Assert.False(PlanAccess.CanSee(plan, Falun, Start));
        Assert.Equal("CONSENT", Refused(() => plan.SendInvitations(Start.AddDays(1), Start.AddDays(5), true, null, As("20-vc-2080", 1))).Precondition!.Type);

        plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Verbal, [Region, Falun], [ConsentPurpose.Participation, ConsentPurpose.InformationSharing],
            Start.AddDays(1), null, As("20-vc-2080", 1));
        Assert.Equal(PlanState.InvitationDue, plan.State);
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(5), true, null, As("20-vc-2080", 1));
        Assert.Equal(PlanState.InvitationsSent, plan.State);
    }

    [Fact]
    public void Sending_the_invitations_meets_the_deadline()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline, Service());
        plan.SendInvitations(Start.AddDays(2), Start.AddDays(5), true, null, As("20-vc-2080", 2));

        Assert.Equal(Start.AddDays(2), plan.InvitationDeadline!.MetAt);
        Assert.Empty(plan.OverdueSteps(Start.AddDays(4), DateOnly.FromDateTime(Start.Date).AddDays(4)));
    }

    [Fact]
    public void An_unmet_deadline_is_overdue_for_the_fixed_care_contacts_unit()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline, Service());
        var overdue = Assert.Single(plan.OverdueSteps(Start.AddDays(3).AddMinutes(1), DateOnly.FromDateTime(Start.Date).AddDays(3)));
        Assert.Equal(OverdueKind.Invitation, overdue.Kind);
        Assert.Equal("20-vc-2080", overdue.ResponsibleUnit);
    }

    [Fact]
    public void A_withdrawn_readiness_cancels_the_deadline_once_and_a_new_readiness_restarts_it()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline, Service());

        Assert.Empty(plan.CancelInvitationDeadline(3, Start.AddDays(1), Service(1)));
        Assert.Single(plan.CancelInvitationDeadline(4, Start.AddDays(1), Service(1)));
        Assert.Empty(plan.CancelInvitationDeadline(4, Start.AddDays(1), Service(1)));
        Assert.True(plan.InvitationDeadline!.Cancelled);
        Assert.Equal(PlanState.ConsentRecorded, plan.State);
        Assert.Empty(plan.OverdueSteps(Start.AddDays(10), DateOnly.FromDateTime(Start.Date).AddDays(10)));

        var again = Deadline with { ReadinessSequence = 7, ReadinessNotifiedAt = Start.AddDays(5), DueAt = Start.AddDays(8) };
        Assert.Single(plan.RestartInvitationDeadline(again, Service(5)));
        Assert.Empty(plan.RestartInvitationDeadline(again, Service(5)));
        Assert.Equal(PlanState.InvitationDue, plan.State);
        Assert.Equal(7, plan.InvitationDeadline!.ReadinessSequence);
    }

    [Fact]
    public void A_closed_plan_cancels_its_open_deadline()
    {
        var plan = SipPlan.OpenFromDischarge("plan-d", Person(), Deadline, Service());
        plan.Close(ClosureReason.Died, Start.AddDays(1), As("20-vc-2080", 1));
        Assert.True(plan.InvitationDeadline!.Cancelled);
        Assert.Empty(plan.OverdueSteps(Start.AddDays(5), DateOnly.FromDateTime(Start.Date).AddDays(5)));
    }
}
