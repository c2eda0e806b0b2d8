using Grpc.Core;
using Samverkan.Contracts.Sip.V1;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration;

// The SIP process end to end through the gateway with real tokens of several organisations:
// Anna (Falun social services) initiates, Lena (Hälsocentral Falun, Region Dalarna) takes part,
// Erik (Mora social services) is never covered by the person's consent.
[Collection(SipPlatformCollection.Name)]
public sealed class PlanProcessTests(SipPlatform platform)
{
    private Samverkan.Contracts.Sip.V1.SipPlans.SipPlansClient Client => platform.Client;

    [Fact]
    public async Task From_a_discovered_need_to_a_closed_plan_with_every_organisation_seeing_only_what_consent_covers()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var lena = await platform.AsUserAsync("lena.dahl");
        var erik = await platform.AsUserAsync("erik.berg");

        var planId = (await Client.InitiatePlanAsync(Initiate(), anna)).PlanId;
        Assert.Equal(PlanState.NeedIdentified, (await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna)).State);
        await AssertNotFound(() => Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena).ResponseAsync);

        await Client.RecordConsentAsync(Consent(planId), anna);
        await Client.StartPreparationAsync(new PlanStepRequest { RequestId = NewId(), PlanId = planId }, anna);
        await Client.AddParticipantAsync(Principal(planId, "p-soc", "2080-soc"), anna);
        await Client.AddParticipantAsync(Principal(planId, "p-vc", "20-vc-2080"), anna);

        // Lena's organisation takes part and is covered: she sees it and edits the draft.
        var seenByLena = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena);
        Assert.Equal(PlanState.Preparing, seenByLena.State);
        await AssertNotFound(() => Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, erik).ResponseAsync);

        await Client.SendInvitationsAsync(Invitations(planId), lena);
        await Client.RecordMeetingAsync(new RecordMeetingRequest { RequestId = NewId(), PlanId = planId, Meeting = Meeting() }, anna);
        var read = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena);
        await Client.UpdateContentAsync(new UpdateContentRequest { RequestId = NewId(), PlanId = planId, ExpectedVersion = read.Version, Content = CompleteContent() }, lena);
        var agreed = await Client.AgreePlanAsync(new PlanStepRequest { RequestId = NewId(), PlanId = planId }, anna);
        Assert.Equal((PlanState.Agreed, 1), (agreed.State, agreed.AgreedVersionNumber));

        await Client.SignVersionAsync(new SignVersionRequest { RequestId = NewId(), PlanId = planId, VersionNumber = 1, Signatory = SignatoryKind.Organisation }, anna);
        await Client.SignVersionAsync(new SignVersionRequest { RequestId = NewId(), PlanId = planId, VersionNumber = 1, Signatory = SignatoryKind.Organisation }, lena);
        await Client.SignVersionAsync(new SignVersionRequest { RequestId = NewId(), PlanId = planId, VersionNumber = 1, Signatory = SignatoryKind.Individual }, anna);
        var signed = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
        Assert.True(Assert.Single(signed.Versions).SignedByAll);

        // Follow-up and closing.
        await Client.RecordFollowUpAsync(new RecordFollowUpRequest
        {
            RequestId = NewId(), PlanId = planId, HeldAt = At(DateTimeOffset.UtcNow),
            Outcomes =
            {
                new InterventionOutcome { InterventionId = "i-home", Status = OutcomeStatus.Done },
                new InterventionOutcome { InterventionId = "i-med", Status = OutcomeStatus.NotDone, Reason = "Väntetid" },
            },
        }, anna);
        var closed = await Client.ClosePlanAsync(new ClosePlanRequest { RequestId = NewId(), PlanId = planId, Reason = ClosureReason.Completed }, anna);
        Assert.Equal(PlanState.Closed, closed.State);

        // The history names every step with its organisation; exports come out for the current version.
        var history = await Client.GetPlanHistoryAsync(new GetPlanHistoryRequest { PlanId = planId }, lena);
        Assert.Equal(["plan-initiated", "consent-recorded", "preparation-started", "participant-added", "participant-added", "invitations-sent",
            "meeting-recorded", "content-updated", "plan-agreed", "version-signed", "version-signed", "version-signed", "follow-up-recorded", "plan-closed"],
            history.Entries.Select(e => e.Step));
        Assert.Equal("20", history.Entries.Single(e => e.Step == "content-updated").Actor.Organisation.Code);
        var html = await Client.ExportPlanDocumentAsync(new ExportPlanRequest { PlanId = planId }, lena);
        Assert.Contains("Samordnad individuell plan", html.Content);
        var fhir = await Client.ExportPlanFhirAsync(new ExportPlanRequest { PlanId = planId }, anna);
        Assert.Contains("\"resourceType\": \"Bundle\"", fhir.Content);
    }

    [Fact]
    public async Task Withdrawing_consent_for_an_organisation_ends_its_access_at_once()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var lena = await platform.AsUserAsync("lena.dahl");
        var planId = (await Client.InitiatePlanAsync(Initiate(), anna)).PlanId;
        await Client.RecordConsentAsync(Consent(planId), anna);
        await Client.AddParticipantAsync(Principal(planId, "p-vc", "20-vc-2080"), anna);
        await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena);

        var plan = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
        await Client.WithdrawConsentAsync(new WithdrawConsentRequest
        {
            RequestId = NewId(), PlanId = planId, ConsentId = plan.Consents.Single().ConsentId, Organisations = { "20" },
        }, anna);

        await AssertNotFound(() => Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, lena).ResponseAsync);
        var afterwards = await Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, anna);
        Assert.Equal("20", afterwards.Consents.Single().Withdrawals.Single().Organisation);
    }

    [Fact]
    public async Task My_organisations_plans_by_state_and_one_persons_plans_for_those_allowed()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var erik = await platform.AsUserAsync("erik.berg");
        var person = NewPersonnummer();
        var first = (await Client.InitiatePlanAsync(Initiate(person), anna)).PlanId;
        var second = (await Client.InitiatePlanAsync(Initiate(person), anna)).PlanId;
        await Client.RecordConsentAsync(Consent(second), anna);

        var needIdentified = await Client.ListPlansAsync(new ListPlansRequest { States = { PlanState.NeedIdentified } }, anna);
        Assert.Contains(needIdentified.Plans, p => p.PlanId == first);
        Assert.DoesNotContain(needIdentified.Plans, p => p.PlanId == second);

        var search = new ListPersonPlansRequest { PersonalIdentityNumber = new() { Value = person } };
        var annasView = await Client.ListPersonPlansAsync(search, anna);
        Assert.Equal([second, first], annasView.Plans.Select(p => p.PlanId));
        Assert.Empty((await Client.ListPersonPlansAsync(search, erik)).Plans);
    }

    [Fact]
    public async Task A_protected_person_shows_no_name_in_lists_and_no_meeting_place_is_accepted()
    {
        var anna = await platform.AsUserAsync("anna.lind");
        var planId = (await Client.InitiatePlanAsync(Initiate(protectedIdentity: true), anna)).PlanId;
        await Client.RecordConsentAsync(Consent(planId), anna);
        await Client.StartPreparationAsync(new PlanStepRequest { RequestId = NewId(), PlanId = planId }, anna);
        await Client.AddParticipantAsync(Principal(planId, "p-soc", "2080-soc"), anna);

        var listed = (await Client.ListPlansAsync(new ListPlansRequest { States = { PlanState.Preparing } }, anna)).Plans.Single(p => p.PlanId == planId);
        Assert.True(listed.Person.ProtectedIdentity);
        Assert.Equal("", listed.Person.GivenName);
        Assert.Null(listed.Person.PersonalIdentityNumber);

        var invitation = Invitations(planId);
        invitation.Digital = false;
        invitation.MeetingPlace = "Åsgatan 1";
        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.SendInvitationsAsync(invitation, anna).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.DoesNotContain("Åsgatan", refused.Status.Detail);
    }

    [Fact]
    public async Task A_caller_without_the_sip_role_is_refused()
    {
        var sara = await platform.AsUserAsync("sara.falk");
        var refused = await Assert.ThrowsAnyAsync<RpcException>(() => Client.InitiatePlanAsync(Initiate(), sara).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    internal static async Task AssertNotFound(Func<Task> call) =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
}
