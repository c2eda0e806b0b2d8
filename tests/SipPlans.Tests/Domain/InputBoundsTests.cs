using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Plans;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Domain;

public sealed class InputBoundsTests
{
    public static TheoryData<string> Oversized => ["what-matters", "goal", "intervention", "contact-name", "phone", "too-many-goals", "need-description"];

    [Theory]
    [MemberData(nameof(Oversized))]
    public void Oversized_input_is_invalid_naming_the_field_and_changes_nothing(string which)
    {
        var plan = Prepared();
        var revision = plan.Revision;
        var content = which switch
        {
            "what-matters" => CompleteContent with { WhatMatters = new string('x', PlanLimits.LongTextLength + 1) },
            "goal" => CompleteContent with { Goals = [new Goal("g", new string('x', PlanLimits.ShortTextLength + 1), GoalTerm.LongTerm)] },
            "intervention" => CompleteContent with { Interventions = [new Intervention("i", new string('x', PlanLimits.ShortTextLength + 1), Falun, null)] },
            "contact-name" => CompleteContent with { ContactPersons = [new ContactPerson(Falun, new string('x', PlanLimits.NameLength + 1), null, null)] },
            "phone" => CompleteContent with { ContactPersons = [new ContactPerson(Falun, "Anna", null, new string('1', PlanLimits.PhoneLength + 1))] },
            "too-many-goals" => CompleteContent with { Goals = Enumerable.Range(0, PlanLimits.MaxItems + 1).Select(i => new Goal($"g{i}", "mål", GoalTerm.ShortTerm)).ToList() },
            _ => null,
        };

        var refused = content is null
            ? Refused(() => SipPlan.Initiate("p", Person(), InitiatorKind.MunicipalUnit, ProposerKind.None, new string('x', PlanLimits.LongTextLength + 1), As("2080-soc")))
            : Refused(() => plan.UpdateContent(content, As("2080-soc")));

        Assert.Equal(ViolationKind.InvalidArgument, refused.Kind);
        Assert.NotNull(refused.Field);
        Assert.DoesNotContain("xxxx", refused.Message);
        Assert.Equal(revision, plan.Revision);
    }

    [Fact]
    public void Unknown_organisations_and_units_in_the_content_are_invalid()
    {
        var plan = Prepared();
        Assert.Equal("content.interventions.responsible_organisation",
            Refused(() => plan.UpdateContent(CompleteContent with { Interventions = [new Intervention("i", "x", "9999", null)] }, As("2080-soc"))).Field);
        Assert.Equal("content.interventions.responsible_unit",
            Refused(() => plan.UpdateContent(CompleteContent with { Interventions = [new Intervention("i", "x", Falun, "20-vc-2080")] }, As("2080-soc"))).Field);
        Assert.Equal("content.overall_responsible_organisation",
            Refused(() => plan.UpdateContent(CompleteContent with { OverallResponsibleOrganisation = "1" }, As("2080-soc"))).Field);
    }

    [Fact]
    public void Duplicate_ids_and_control_characters_are_invalid()
    {
        var plan = Prepared();
        Assert.Equal("content.goals.id", Refused(() => plan.UpdateContent(CompleteContent with
        {
            Goals = [new Goal("g", "a", GoalTerm.ShortTerm), new Goal("g", "b", GoalTerm.LongTerm)],
        }, As("2080-soc"))).Field);
        Assert.Equal("content.what_matters", Refused(() => plan.UpdateContent(CompleteContent with { WhatMatters = "a\u0000b" }, As("2080-soc"))).Field);
        Assert.Equal("content.interventions.id", Refused(() => plan.UpdateContent(CompleteContent with
        {
            Interventions = [new Intervention("i d", "x", Falun, null)],
        }, As("2080-soc"))).Field);
    }

    [Fact]
    public void Dates_must_be_plausible()
    {
        var plan = Prepared();
        Assert.Equal("content.follow_up_date", Refused(() => plan.UpdateContent(CompleteContent with
        {
            FollowUpDate = DateOnly.FromDateTime(Start.Date).AddYears(5),
        }, As("2080-soc"))).Field);
        Assert.Equal("sent_at", Refused(() => plan.SendInvitations(Start.AddDays(3), Start.AddDays(8), true, null, As("2080-soc", 1))).Field);
        Assert.Equal("meeting_at", Refused(() => plan.SendInvitations(Start.AddDays(1), Start.AddYears(2), true, null, As("2080-soc", 1))).Field);
        Assert.Equal("consent.given_at", Refused(() => Initiated().RecordConsent(ConsentGiver.Individual, ConsentForm.Written, [Falun],
            [ConsentPurpose.Participation], Start.AddYears(-3), null, As("2080-soc"))).Field);
    }

    [Fact]
    public void A_protected_persons_meeting_place_is_never_recorded()
    {
        var plan = Prepared(Person(protectedIdentity: true));
        var refused = Refused(() => plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, "Åsgatan 1, Falun", As("2080-soc", 1)));
        Assert.Equal("meeting_place", refused.Field);
        Assert.DoesNotContain("Åsgatan", refused.Message);

        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, null, As("2080-soc", 1));
        Assert.Null(plan.LatestInvitations!.MeetingPlace);
    }

    [Fact]
    public void A_meeting_in_person_needs_a_place_for_everyone_else()
    {
        var plan = Prepared();
        Assert.Equal("meeting_place", Refused(() => plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, null, As("2080-soc", 1))).Field);
    }
}
