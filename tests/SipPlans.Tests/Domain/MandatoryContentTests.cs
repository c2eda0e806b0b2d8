using Samverkan.SipPlans.Domain.Access;
using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.Participants;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

// Each rule of what a plan must state before it is agreed: the complete plan agrees, and the same
// plan with exactly one thing missing is refused naming that thing.
public sealed class MandatoryContentTests
{
    private static readonly Dictionary<string, (Func<PlanContent, PlanContent> Change, string Field)> Omissions = new()
    {
        ["no interventions"] = (c => c with { Interventions = [] }, "content.interventions"),
        ["intervention without a responsible principal"] = (c => c with { Interventions = [c.Interventions[0] with { ResponsibleOrganisation = "", ResponsibleUnit = null }, c.Interventions[1]] }, "content.interventions.responsible_organisation"),
        ["intervention by a principal that does not take part"] = (c => c with { Interventions = [c.Interventions[0] with { ResponsibleOrganisation = Mora, ResponsibleUnit = null }, c.Interventions[1]] }, "content.interventions.responsible_organisation"),
        ["others' measures not stated"] = (c => c with { OtherMeasures = [], NoOtherMeasures = false }, "content.other_measures"),
        ["no overall responsible principal"] = (c => c with { OverallResponsibleOrganisation = null }, "content.overall_responsible_organisation"),
        ["overall responsible principal not a participant"] = (c => c with { OverallResponsibleOrganisation = Mora }, "content.overall_responsible_organisation"),
        ["no short-term goal"] = (c => c with { Goals = c.Goals.Where(g => g.Term == GoalTerm.LongTerm).ToList() }, "content.goals"),
        ["no long-term goal"] = (c => c with { Goals = c.Goals.Where(g => g.Term == GoalTerm.ShortTerm).ToList() }, "content.goals"),
        ["what matters not stated"] = (c => c with { WhatMatters = null }, "content.what_matters"),
        ["current interventions not assessed"] = (c => c with { CurrentInterventionsAssessment = " " }, "content.current_interventions_assessment"),
        ["a participating organisation without contact person"] = (c => c with { ContactPersons = [c.ContactPersons[0]] }, "content.contact_persons"),
        ["no follow-up date"] = (c => c with { FollowUpDate = null }, "content.follow_up_date"),
        ["relatives' participation not stated"] = (c => c with { Relatives = RelativesParticipation.Unstated }, "content.relatives"),
        ["relatives participate but none invited"] = (c => c with { Relatives = RelativesParticipation.Participates }, "content.relatives"),
    };

    public static TheoryData<string> OmissionNames => [.. Omissions.Keys];

    [Fact]
    public void A_complete_plan_is_agreed_as_version_one()
    {
        var plan = ReadyToAgree();
        var agreed = plan.Agree(As("2080-soc", 8));

        Assert.Equal(1, agreed.VersionNumber);
        Assert.Equal(PlanState.Agreed, plan.State);
        Assert.Same(plan.Draft, plan.CurrentVersion!.Content);
        Assert.Equal(CompleteMeeting.HeldAt, plan.CurrentVersion.Meeting!.HeldAt);
        Assert.Equal(CompleteMeeting.PersonsView, plan.CurrentVersion.Meeting.PersonsView);
    }

    [Theory]
    [MemberData(nameof(OmissionNames))]
    public void A_plan_missing_one_mandatory_part_cannot_be_agreed(string omission)
    {
        var (change, field) = Omissions[omission];
        var plan = ReadyToAgree(content: change(CompleteContent));
        var revision = plan.Revision;

        var refused = Refused(() => plan.Agree(As("2080-soc", 8)));

        Assert.Equal(ViolationKind.FailedPrecondition, refused.Kind);
        Assert.Equal("PLAN_CONTENT", refused.Precondition!.Type);
        Assert.Equal(field, refused.Precondition.Subject);
        Assert.Equal(revision, plan.Revision);
        Assert.Empty(plan.Versions);
    }

    [Fact]
    public void No_other_measures_can_be_stated_explicitly()
    {
        var plan = ReadyToAgree(content: CompleteContent with { OtherMeasures = [], NoOtherMeasures = true });
        plan.Agree(As("2080-soc", 8));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void Relatives_who_take_part_are_invited_participants()
    {
        var plan = ReadyToAgree(content: CompleteContent with { Relatives = RelativesParticipation.Participates });
        plan.AddParticipant("rel", ParticipantRole.Relative, null, null, "Syster", As("2080-soc", 8));
        plan.Agree(As("2080-soc", 8));
        Assert.Single(plan.Versions);
    }

    [Fact]
    public void A_relative_invited_although_the_person_objects_blocks_agreement()
    {
        var plan = ReadyToAgree(content: CompleteContent with { Relatives = RelativesParticipation.Participates });
        plan.AddParticipant("rel", ParticipantRole.Relative, null, null, "Syster", As("2080-soc", 8));
        plan.UpdateContent(CompleteContent with { Relatives = RelativesParticipation.DeclinedByPerson }, As("2080-soc", 8));

        Assert.Equal("content.relatives", Refused(() => plan.Agree(As("2080-soc", 8))).Precondition!.Subject);
    }

    [Fact]
    public void A_childs_plan_states_how_the_child_takes_part()
    {
        var child = Person(Child);
        var without = ReadyToAgree(child);
        Assert.Equal("content.child_participation", Refused(() => without.Agree(As("2080-soc", 8))).Precondition!.Subject);

        var with = ReadyToAgree(child, CompleteContent with { ChildParticipation = [ChildParticipationForm.SupportPerson, ChildParticipationForm.PartOfMeeting] });
        with.Agree(As("2080-soc", 8));
        Assert.Single(with.Versions);
    }

    public static TheoryData<string> MeetingOmissions => ["agenda item missing", "no decision", "decision without alternatives", "no view of the person"];

    [Theory]
    [MemberData(nameof(MeetingOmissions))]
    public void The_meeting_record_follows_the_agenda_and_records_decisions_with_alternatives_and_the_persons_view(string omission)
    {
        var meeting = omission switch
        {
            "agenda item missing" => CompleteMeeting with { AgendaCovered = Enum.GetValues<AgendaItem>().Where(a => a != AgendaItem.Needs).ToList() },
            "no decision" => CompleteMeeting with { Decisions = [] },
            "decision without alternatives" => CompleteMeeting with { Decisions = [new Decision("Boendestöd", [])] },
            _ => CompleteMeeting with { PersonsView = "" },
        };
        var plan = Invited();
        plan.RecordMeeting(meeting, As("2080-soc", 8));
        plan.UpdateContent(CompleteContent, As("2080-soc", 8));

        var refused = Refused(() => plan.Agree(As("2080-soc", 8)));

        Assert.StartsWith("meeting", refused.Precondition!.Subject);
    }

    [Fact]
    public void The_refusal_lists_everything_missing()
    {
        var plan = ReadyToAgree(content: PlanContent.Empty);
        var refused = Refused(() => plan.Agree(As("2080-soc", 8)));
        foreach (var part in new[] { "content.interventions", "content.other_measures", "content.overall_responsible_organisation", "content.goals",
                     "content.what_matters", "content.current_interventions_assessment", "content.contact_persons", "content.follow_up_date", "content.relatives" })
        {
            Assert.Contains(part, refused.Message);
        }
    }
}
