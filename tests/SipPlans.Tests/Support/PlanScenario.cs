using Samverkan.SharedKernel.Directory;
using Samverkan.SharedKernel.Identity;
using Samverkan.SipPlans.Domain.Consent;
using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.Events;
using Samverkan.SipPlans.Domain.Participants;
using Samverkan.SipPlans.Domain.Plans;
using Samverkan.SipPlans.Domain.Versions;
namespace Samverkan.SipPlans.Tests.Support;

// Builds plans step by step with a fixed clock. Falun's social services (2080-soc) initiate; Region
// Dalarna's health centre in Falun (20-vc-2080) takes part; Mora (2062) is a third organisation
// that is not covered unless a test says so.
public static class PlanScenario
{
    public const string Falun = "2080";
    public const string Mora = "2062";
    public const string Region = "20";

    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(1));

    public static readonly UnitDirectory Units = new(
    [
        new DirectoryOrganisation(Falun, "falun", "Falu kommun", PrincipalKind.Municipality,
        [
            new DirectoryUnit("2080-soc", "Socialtjänsten", UnitKind.SocialServices, Falun, null),
            new DirectoryUnit("2080-hsl", "Kommunal hälso- och sjukvård", UnitKind.MunicipalHealthCare, Falun, null),
        ]),
        new DirectoryOrganisation(Mora, "mora", "Mora kommun", PrincipalKind.Municipality,
            [new DirectoryUnit("2062-soc", "Socialtjänsten", UnitKind.SocialServices, Mora, null)]),
        new DirectoryOrganisation(Region, "region-dalarna", "Region Dalarna", PrincipalKind.Region,
        [
            new DirectoryUnit("20-vc-2080", "Hälsocentral Falun", UnitKind.Outpatient, Region, Falun),
            new DirectoryUnit("20-psyk-opv", "Psykiatrisk öppenvård", UnitKind.Outpatient, Region, null),
        ]),
    ]);

    // 19850412-xxxx: an adult; 20150301-xxxx: a child in 2025.
    public static readonly PersonalIdentityNumber Adult = Number("198504121234");
    public static readonly PersonalIdentityNumber Child = Number("201503011234");

    public static StepContext At(DateTimeOffset now, string unit = "2080-soc") =>
        new(new Actor(Units.FindUnit(unit)!.OrganisationCode, unit), now, DateOnly.FromDateTime(now.Date), Units);

    public static StepContext As(string unit, int dayOffset = 0) => At(Start.AddDays(dayOffset), unit);

    public static PlanPerson Person(PersonalIdentityNumber? number = null, bool protectedIdentity = false) =>
        new(number ?? Adult, "Sara", "Berg", protectedIdentity);

    public static SipPlan Initiated(PlanPerson? person = null) =>
        SipPlan.Initiate("plan-1", person ?? Person(), InitiatorKind.MunicipalUnit, ProposerKind.Individual, "Behöver stöd", As("2080-soc"));

    public static SipPlan WithConsent(PlanPerson? person = null, params string[] organisations)
    {
        var plan = Initiated(person);
        plan.RecordConsent(ConsentGiver.Individual, ConsentForm.Written, organisations.Length == 0 ? [Falun, Region] : organisations,
            [ConsentPurpose.Participation, ConsentPurpose.InformationSharing], Start, null, As("2080-soc"));
        return plan;
    }

    public static SipPlan Prepared(PlanPerson? person = null)
    {
        var plan = WithConsent(person);
        plan.StartPreparation(As("2080-soc"));
        plan.AddParticipant("p-soc", ParticipantRole.Principal, "2080-soc", null, null, As("2080-soc"));
        plan.AddParticipant("p-vc", ParticipantRole.Principal, "20-vc-2080", null, null, As("2080-soc"));
        return plan;
    }

    public static SipPlan Invited(PlanPerson? person = null)
    {
        var plan = Prepared(person);
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), digital: true, null, As("2080-soc", 1));
        return plan;
    }

    public static PlanContent CompleteContent => new()
    {
        Interventions =
        [
            new Intervention("i-home", "Boendestöd två gånger i veckan", Falun, "2080-soc"),
            new Intervention("i-med", "Läkemedelsgenomgång", Region, null),
        ],
        OtherMeasures = [new OtherMeasure("m-fk", OtherActorKind.SocialInsuranceAgency, "Utreder sjukersättning")],
        OverallResponsibleOrganisation = Falun,
        Goals = [new Goal("g-short", "Komma upp på morgonen", GoalTerm.ShortTerm), new Goal("g-long", "Eget boende", GoalTerm.LongTerm)],
        WhatMatters = "Att få bo kvar nära sin syster",
        CurrentInterventionsAssessment = "Hemtjänsten fungerar, psykiatrin har långa väntetider",
        ContactPersons =
        [
            new ContactPerson(Falun, "Anna Lind", "Socialsekreterare", "023-100 00"),
            new ContactPerson(Region, "Per Ek", "Sjuksköterska", "023-200 00"),
        ],
        FollowUpDate = DateOnly.FromDateTime(Start.Date).AddDays(60),
        Relatives = RelativesParticipation.NotSuitable,
    };

    public static MeetingRecord CompleteMeeting => new(Start.AddDays(8), Digital: true, IndividualPresent: true,
        Enum.GetValues<AgendaItem>(),
        [new Decision("Boendestöd startar", ["Hemtjänst", "Boendestöd"])],
        "Vill helst ha stöd hemma");

    // Meeting held and content complete: ready to agree on day 8.
    public static SipPlan ReadyToAgree(PlanPerson? person = null, PlanContent? content = null)
    {
        var plan = Invited(person);
        plan.RecordMeeting(CompleteMeeting, As("2080-soc", 8));
        plan.UpdateContent(content ?? CompleteContent, As("2080-soc", 8));
        return plan;
    }

    public static SipPlan Agreed(PlanPerson? person = null)
    {
        var plan = ReadyToAgree(person);
        plan.Agree(As("2080-soc", 8));
        return plan;
    }

    public static RuleViolation Refused(Action step) => Assert.ThrowsAny<RuleViolation>(step);

    private static PersonalIdentityNumber Number(string elevenDigits)
    {
        // Replace the check digit with the right one so the fixture never depends on hand-computed Luhn.
        var nine = elevenDigits.AsSpan(2, 9);
        var twelve = elevenDigits[..11] + PersonalIdentityNumber.LuhnCheckDigit(nine);
        return PersonalIdentityNumber.Parse(twelve);
    }
}
