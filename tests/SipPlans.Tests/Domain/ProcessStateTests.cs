using Samverkan.SharedKernel.Identity;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.FollowUps;
using Samverkan.SipPlans.Domain.Participants;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class ProcessStateTests
{
    [Fact]
    public void A_municipal_unit_initiates_and_the_plan_starts_as_need_identified()
    {
        var plan = Initiated();

        Assert.Equal(PlanState.NeedIdentified, plan.State);
        Assert.Equal(Falun, plan.InitiatingOrganisation);
        Assert.Equal("2080-soc", plan.InitiatingUnit);
        Assert.Equal(ProposerKind.Individual, plan.Initiation.ProposedBy);
        Assert.Equal(1, plan.Revision);
    }

    [Fact]
    public void A_region_unit_initiates_as_region_but_not_as_municipality()
    {
        var plan = SipPlan.Initiate("p", Person(), InitiatorKind.RegionUnit, ProposerKind.None, null, As("20-psyk-opv"));
        Assert.Equal(Region, plan.InitiatingOrganisation);

        var refused = Refused(() => SipPlan.Initiate("p", Person(), InitiatorKind.MunicipalUnit, ProposerKind.None, null, As("20-psyk-opv")));
        Assert.Equal(ViolationKind.InvalidArgument, refused.Kind);
        Assert.Equal("initiator", refused.Field);
    }

    [Fact]
    public void The_school_initiates_for_a_child_only()
    {
        var child = SipPlan.Initiate("p", Person(Child), InitiatorKind.School, ProposerKind.Relative, null, As("2080-soc"));
        Assert.Equal(InitiatorKind.School, child.Initiation.Initiator);

        var refused = Refused(() => SipPlan.Initiate("p", Person(Adult), InitiatorKind.School, ProposerKind.None, null, As("2080-soc")));
        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.Equal("INITIATOR", refused.Precondition!.Type);
    }

    [Fact]
    public void An_unknown_initiating_unit_is_invalid()
    {
        var context = new StepContext(new Actor(Falun, "2080-nope"), Start, DateOnly.FromDateTime(Start.Date), Units);
        var refused = Refused(() => SipPlan.Initiate("p", Person(), InitiatorKind.MunicipalUnit, ProposerKind.None, null, context));
        Assert.Equal("acting_unit", refused.Field);
    }

    [Fact]
    public void The_whole_process_runs_from_need_to_closed_in_order()
    {
        var plan = Initiated();
        Assert.Equal(PlanState.NeedIdentified, plan.State);
        plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun, Region], [ConsentPurpose.Participation, ConsentPurpose.InformationSharing], Start, null, As("2080-soc"));
        Assert.Equal(PlanState.ConsentRecorded, plan.State);
        plan.StartPreparation(As("2080-soc"));
        Assert.Equal(PlanState.Preparing, plan.State);
        plan.AddParticipant("p-soc", ParticipantRole.Principal, "2080-soc", null, null, As("2080-soc"));
        plan.AddParticipant("p-vc", ParticipantRole.Principal, "20-vc-2080", null, null, As("2080-soc"));
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), true, null, As("2080-soc", 1));
        Assert.Equal(PlanState.InvitationsSent, plan.State);
        plan.RecordMeeting(CompleteMeeting, As("2080-soc", 8));
        Assert.Equal(PlanState.MeetingHeld, plan.State);
        plan.UpdateContent(CompleteContent, As("20-vc-2080", 8));
        plan.Agree(As("2080-soc", 8));
        Assert.Equal(PlanState.Agreed, plan.State);
        plan.RecordFollowUp(Start.AddDays(60), Outcomes(OutcomeStatus.Done), [], null, As("2080-soc", 60));
        Assert.Equal(PlanState.FollowingUp, plan.State);
        plan.Close(ClosureReason.Completed, Start.AddDays(61), As("2080-soc", 61));
        Assert.Equal(PlanState.Closed, plan.State);
        Assert.Equal(ClosureReason.Completed, plan.ClosedBecause);
    }

    public static TheoryData<string> OutOfOrderSteps => ["prepare-before-consent", "invite-before-preparing", "meeting-before-invitations",
        "agree-before-meeting", "follow-up-before-agreement", "sign-before-agreement", "anything-after-closing"];

    [Theory]
    [MemberData(nameof(OutOfOrderSteps))]
    public void A_step_out_of_order_is_refused_naming_the_state_and_changes_nothing(string step)
    {
        var plan = step switch
        {
            "prepare-before-consent" => Initiated(),
            "invite-before-preparing" => WithConsent(),
            "meeting-before-invitations" or "agree-before-meeting" or "follow-up-before-agreement" or "sign-before-agreement" => Prepared(),
            _ => Closed(),
        };
        var revision = plan.Revision;
        var context = As("2080-soc", 2);

        var refused = Refused(() =>
        {
            switch (step)
            {
                case "prepare-before-consent": plan.StartPreparation(context); break;
                case "invite-before-preparing": plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), true, null, context); break;
                case "meeting-before-invitations": plan.RecordMeeting(CompleteMeeting, context); break;
                case "agree-before-meeting": plan.Agree(context); break;
                case "follow-up-before-agreement": plan.RecordFollowUp(Start.AddDays(1), [], [], null, context); break;
                case "sign-before-agreement": plan.Sign(1, Signatory.Individual, Start.AddDays(1), context); break;
                default: plan.UpdateContent(CompleteContent, context); break;
            }
        });

        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.Equal("PLAN_STATE", refused.Precondition!.Type);
        Assert.Equal(revision, plan.Revision);
    }

    [Fact]
    public void Completed_needs_a_follow_up_first()
    {
        var plan = Agreed();
        var refused = Refused(() => plan.Close(ClosureReason.Completed, Start.AddDays(9), As("2080-soc", 9)));
        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.True(plan.IsOpen);
    }

    [Fact]
    public void The_person_declines_before_the_meeting_but_not_after()
    {
        var early = Invited();
        early.Close(ClosureReason.Declined, Start.AddDays(2), As("2080-soc", 2));
        Assert.Equal(ClosureReason.Declined, early.ClosedBecause);

        var late = Agreed();
        Assert.Equal(ViolationKind.FailedPrecondition, Refused(() => late.Close(ClosureReason.Declined, Start.AddDays(9), As("2080-soc", 9))).Kind);
    }

    [Fact]
    public void Death_and_moving_away_end_a_plan_in_any_state_and_cancel_scheduled_follow_ups()
    {
        var agreed = Agreed();
        Assert.NotEmpty(agreed.ScheduledFollowUps);
        agreed.Close(ClosureReason.Died, Start.AddDays(20), As("20-vc-2080", 20));
        Assert.Equal(PlanState.Closed, agreed.State);
        Assert.Empty(agreed.ScheduledFollowUps);
        Assert.Empty(agreed.OverdueSteps(Start.AddDays(100), DateOnly.FromDateTime(Start.Date).AddDays(100)));

        var initiated = Initiated();
        initiated.Close(ClosureReason.MovedAway, Start, As("2080-soc"));
        Assert.Equal(ClosureReason.MovedAway, initiated.ClosedBecause);
    }

    [Fact]
    public void Consent_withdrawal_is_not_a_closing_reason_to_pick_it_follows_from_the_withdrawal()
    {
        var plan = WithConsent();
        Assert.Equal(ViolationKind.FailedPrecondition, Refused(() => plan.Close(ClosureReason.ConsentWithdrawn, Start, As("2080-soc"))).Kind);
    }

    [Fact]
    public void The_plan_is_rebuilt_from_its_history_alone()
    {
        var plan = Agreed();
        plan.Sign(1, Signatory.Organisation(Falun), Start.AddDays(8), As("2080-soc", 8));

        var rebuilt = SipPlan.Rehydrate(plan.Id, plan.Events.ToList());

        Assert.Equal(plan.State, rebuilt.State);
        Assert.Equal(plan.Revision, rebuilt.Revision);
        Assert.Equal(plan.CurrentVersion!.Content.Interventions, rebuilt.CurrentVersion!.Content.Interventions);
        Assert.Equal(plan.CurrentVersion.Signatures, rebuilt.CurrentVersion.Signatures);
        Assert.Equal(plan.Person, rebuilt.Person);
    }

    [Fact]
    public void Events_never_print_personal_data()
    {
        var plan = Agreed();
        Assert.All(plan.Events, e => Assert.DoesNotContain("Sara", e.ToString()));
        Assert.DoesNotContain(plan.Person.PersonalIdentityNumber.Value, plan.Person.ToString());
    }

    internal static IReadOnlyList<InterventionOutcome> Outcomes(OutcomeStatus status) =>
        CompleteContent.Interventions.Select(i => new InterventionOutcome(i.Id, status, status == OutcomeStatus.NotDone ? "Väntetid" : null)).ToList();

    private static SipPlan Closed()
    {
        var plan = WithConsent();
        plan.Close(ClosureReason.Died, Start, As("2080-soc"));
        return plan;
    }
}
