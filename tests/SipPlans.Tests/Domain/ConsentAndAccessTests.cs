using Samverkan.SipPlans.Domain.Access;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.Participants;
using Samverkan.SipPlans.Domain.Plans;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class ConsentAndAccessTests
{
    [Fact]
    public void Consent_names_who_gave_it_the_organisations_purposes_and_period()
    {
        var plan = Initiated();
        var until = Start.AddDays(180);
        var recorded = plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Digital, [Falun, Region], [ConsentPurpose.InformationSharing],
            Start.AddHours(-1), until, As("2080-soc"));

        var grant = recorded.Grant;
        Assert.Equal(ConsentGiver.Individual, grant.Giver);
        Assert.Equal([Falun, Region], grant.Organisations);
        Assert.Equal([ConsentPurpose.InformationSharing], grant.Purposes);
        Assert.Equal(Start.AddHours(-1), grant.ValidFrom);
        Assert.Equal(until, grant.ValidUntil);
        Assert.True(plan.Covers(Region, ConsentPurpose.InformationSharing, Start));
        Assert.False(plan.Covers(Region, ConsentPurpose.Participation, Start));
        Assert.False(plan.Covers(Region, ConsentPurpose.InformationSharing, until));
    }

    [Fact]
    public void An_unknown_organisation_or_no_purpose_is_invalid()
    {
        var plan = Initiated();
        Assert.Equal("consent.organisations", Refused(() => plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, ["9999"],
            [ConsentPurpose.Participation], Start, null, As("2080-soc"))).Field);
        Assert.Equal("consent.purposes", Refused(() => plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun],
            [], Start, null, As("2080-soc"))).Field);
        Assert.Equal("consent.valid_until", Refused(() => plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun],
            [ConsentPurpose.Participation], Start, Start.AddDays(-1), As("2080-soc"))).Field);
        Assert.Equal(1, plan.Revision);
    }

    [Fact]
    public void A_guardian_consents_for_a_child_not_for_an_adult()
    {
        var child = Initiated(Person(Child));
        child.RecordConsent(ConsentGiver.Guardian, ConsentForm.Written, [Falun], [ConsentPurpose.Participation], Start, null, As("2080-soc"));
        Assert.Equal(PlanState.ConsentRecorded, child.State);

        var adult = Initiated();
        Assert.Equal("consent.giver", Refused(() => adult.RecordConsent(ConsentGiver.Guardian, ConsentForm.Written, [Falun],
            [ConsentPurpose.Participation], Start, null, As("2080-soc"))).Field);
    }

    [Fact]
    public void A_principal_not_covered_by_consent_cannot_be_summoned()
    {
        var plan = WithConsent(null, Falun, Region);
        plan.StartPreparation(As("2080-soc"));

        var refused = Refused(() => plan.AddParticipant("p-mora", ParticipantRole.Principal, "2062-soc", null, null, As("2080-soc")));

        Assert.Equal(ViolationKind.MissingConsent, refused.Kind);
        Assert.Equal("CONSENT", refused.Precondition!.Type);
        Assert.StartsWith(Mora, refused.Precondition.Subject);
        Assert.DoesNotContain(plan.Participants, p => p.OrganisationCode == Mora);
    }

    [Fact]
    public void Invitations_need_every_summoned_principal_still_covered()
    {
        var plan = Prepared();
        var grant = plan.Consent.Grants.Single();
        plan.WithdrawConsent(grant.Id, [Region], Start.AddHours(2), As("2080-soc", 1));

        var refused = Refused(() => plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), true, null, As("2080-soc", 1)));

        Assert.Equal(ViolationKind.MissingConsent, refused.Kind);
        Assert.Equal(PlanState.Preparing, plan.State);
    }

    [Fact]
    public void Before_any_consent_only_the_initiating_organisation_sees_the_plan()
    {
        var plan = Initiated();
        Assert.True(PlanAccess.CanSee(plan, Falun, Start));
        Assert.False(PlanAccess.CanSee(plan, Region, Start));
    }

    [Fact]
    public void A_participant_sees_the_plan_only_while_consent_covers_its_organisation()
    {
        var plan = Prepared();
        Assert.True(PlanAccess.CanSee(plan, Region, Start.AddHours(1)));
        Assert.False(PlanAccess.CanSee(plan, Mora, Start.AddHours(1)));

        plan.WithdrawConsent(plan.Consent.Grants.Single().Id, [Region], Start.AddHours(2), As("2080-soc", 1));

        Assert.False(PlanAccess.CanSee(plan, Region, Start.AddHours(3)));
        Assert.True(PlanAccess.CanSee(plan, Region, Start.AddHours(1)));   // what was shared before stays on record
        Assert.True(PlanAccess.CanSee(plan, Falun, Start.AddHours(3)));
        Assert.True(plan.IsOpen);
        Assert.Single(plan.Consent.Grants);                                 // the history is kept
        Assert.Contains(plan.Events, e => e is ConsentWithdrawn);
    }

    [Fact]
    public void A_covered_organisation_that_does_not_take_part_does_not_see_the_plan()
    {
        var plan = WithConsent(null, Falun, Region, Mora);
        Assert.False(PlanAccess.CanSee(plan, Mora, Start.AddHours(1)));
    }

    [Fact]
    public void An_expired_consent_no_longer_gives_access()
    {
        var plan = Initiated();
        plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun], [ConsentPurpose.InformationSharing], Start, Start.AddDays(30), As("2080-soc"));
        Assert.True(PlanAccess.CanSee(plan, Falun, Start.AddDays(29)));
        Assert.False(PlanAccess.CanSee(plan, Falun, Start.AddDays(31)));
    }

    [Fact]
    public void Withdrawing_every_consent_closes_the_plan_and_keeps_its_history()
    {
        var plan = Prepared();
        var events = plan.WithdrawConsent(plan.Consent.Grants.Single().Id, [], Start.AddHours(2), As("2080-soc", 1));

        Assert.Equal(2, events.Count);
        Assert.Equal(PlanState.Closed, plan.State);
        Assert.Equal(ClosureReason.ConsentWithdrawn, plan.ClosedBecause);
        Assert.False(PlanAccess.CanSee(plan, Falun, Start.AddHours(3)));
        Assert.Contains(plan.Events, e => e is ParticipantAdded);
    }

    [Fact]
    public void Withdrawing_for_an_organisation_the_consent_does_not_cover_is_invalid()
    {
        var plan = WithConsent(null, Falun);
        var refused = Refused(() => plan.WithdrawConsent(plan.Consent.Grants.Single().Id, [Region], Start.AddHours(1), As("2080-soc", 1)));
        Assert.Equal("organisations", refused.Field);
        Assert.Equal(ViolationKind.InvalidArgument, Refused(() => plan.WithdrawConsent("c99", [], Start.AddHours(1), As("2080-soc", 1))).Kind);
    }

    [Fact]
    public void Nothing_is_shared_or_edited_without_consent_in_force()
    {
        var plan = WithConsent(null, Falun);
        plan.WithdrawConsent(plan.Consent.Grants.Single().Id, [], Start.AddHours(1), As("2080-soc", 1));
        Assert.Equal(PlanState.Closed, plan.State);

        var timeLimited = Initiated();
        timeLimited.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun], [ConsentPurpose.Participation], Start, Start.AddDays(1), As("2080-soc"));
        var refused = Refused(() => timeLimited.StartPreparation(As("2080-soc", 2)));
        Assert.Equal("CONSENT", refused.Precondition!.Type);
    }

    [Fact]
    public void A_relative_is_not_invited_when_the_person_objects()
    {
        var plan = Prepared();
        plan.UpdateContent(PlanContent.Empty with { Relatives = RelativesParticipation.DeclinedByPerson }, As("2080-soc"));

        var refused = Refused(() => plan.AddParticipant("r1", ParticipantRole.Relative, null, null, "Syster", As("2080-soc")));

        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.Equal("RELATIVES", refused.Precondition!.Type);
    }

    [Fact]
    public void Principals_are_summoned_and_others_invited()
    {
        var plan = Prepared();
        plan.AddParticipant("fk", ParticipantRole.OtherActor, null, OtherActorKind.SocialInsuranceAgency, null, As("2080-soc"));

        Assert.True(plan.Participants.Single(p => p.Id == "p-vc").IsSummoned);
        Assert.False(plan.Participants.Single(p => p.Id == "fk").IsSummoned);
        Assert.Equal([Falun, Region], plan.PrincipalOrganisations);
    }
}
