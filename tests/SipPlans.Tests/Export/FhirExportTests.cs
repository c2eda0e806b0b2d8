using Samverkan.SipPlans.Domain.Content;
using Samverkan.SipPlans.Domain.FollowUps;
using Samverkan.SipPlans.Domain.Participants;
using Samverkan.SipPlans.Domain.Plans;
using R4 = Hl7.Fhir.Model;
using Samverkan.SipPlans.Export;
using static Samverkan.SipPlans.Tests.Support.PlanScenario;

namespace Samverkan.SipPlans.Tests.Export;

public sealed class FhirExportTests
{
    private static R4.Bundle Export(SipPlan plan) => PlanFhirExport.ToBundle(plan, plan.CurrentVersion!, Units, Start.AddDays(9));

    [Fact]
    public void The_export_is_a_care_plan_with_care_team_goals_and_consent()
    {
        var plan = Agreed();
        var bundle = Export(plan);

        var resources = bundle.Entry.Select(e => e.Resource!).ToList();
        var carePlan = resources.OfType<R4.CarePlan>().Single();
        Assert.Equal(R4.RequestStatus.Active, carePlan.Status);
        Assert.Equal(R4.CarePlan.CarePlanIntent.Plan, carePlan.Intent);
        Assert.Equal(3, carePlan.Activity.Count);       // two interventions, one other measure
        Assert.Equal(2, carePlan.Goal.Count);
        Assert.Single(carePlan.CareTeam);
        Assert.Equal("Falu kommun", carePlan.Author!.Display);
        Assert.Equal(2, resources.OfType<R4.Goal>().Count());
        Assert.Equal(2, resources.OfType<R4.CareTeam>().Single().Participant.Count);
        var consent = resources.OfType<R4.Consent>().Single();
        Assert.Equal(R4.Consent.ConsentState.Active, consent.Status);
        Assert.Equal(2, consent.Provision!.Actor.Count);
    }

    [Fact]
    public void The_exported_resources_are_valid_against_the_R4_base_profiles()
    {
        var plan = Agreed();
        plan.RecordFollowUp(Start.AddDays(60), [new("i-home", OutcomeStatus.Done, null), new("i-med", OutcomeStatus.NotDone, "Väntetid")],
            [], null, As("2080-soc", 60));
        plan.WithdrawConsent(plan.Consent.Grants.Single().Id, [Region], Start.AddDays(61), As("2080-soc", 61));
        var bundle = PlanFhirExport.ToBundle(plan, plan.CurrentVersion!, Units, Start.AddDays(62));

        var outcome = FhirValidation.Validate(bundle);
        Assert.Empty(FhirValidation.Errors(outcome));
        foreach (var resource in bundle.Entry.Select(e => e.Resource!))
        {
            Assert.Empty(FhirValidation.Errors(FhirValidation.Validate(resource)));
        }
    }

    [Fact]
    public void The_validator_finds_errors_so_a_pass_means_something()
    {
        var invalid = new R4.CarePlan { Subject = new R4.ResourceReference("urn:uuid:00000000-0000-0000-0000-000000000001") };   // no status, no intent
        Assert.NotEmpty(FhirValidation.Errors(FhirValidation.Validate(invalid)));
    }

    [Fact]
    public void A_protected_person_is_marked_restricted_and_no_address_or_place_is_exported()
    {
        var plan = Prepared(Person(protectedIdentity: true));
        plan.SendInvitations(Start.AddDays(1), Start.AddDays(8), false, null, As("2080-soc", 1));
        plan.RecordMeeting(CompleteMeeting, As("2080-soc", 8));
        plan.UpdateContent(CompleteContent, As("2080-soc", 8));
        plan.Agree(As("2080-soc", 8));

        var bundle = Export(plan);
        var patient = bundle.Entry.Select(e => e.Resource!).OfType<R4.Patient>().Single();
        Assert.Contains(patient.Meta!.Security, c => c.Code == "R");
        Assert.Empty(patient.Address);
        var json = PlanFhirExport.ToJson(plan, plan.CurrentVersion!, Units, Start.AddDays(9));
        Assert.DoesNotContain("\"address\"", json);
        Assert.DoesNotContain("\"location\"", json);
    }

    [Fact]
    public void The_same_version_exports_to_the_same_document()
    {
        var plan = Agreed();
        Assert.Equal(PlanFhirExport.ToJson(plan, plan.CurrentVersion!, Units, Start.AddDays(9)), PlanFhirExport.ToJson(plan, plan.CurrentVersion!, Units, Start.AddDays(9)));
    }
}
