using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.Contracts.Sip.V1;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;
using DischargeConsent = Samverkan.Contracts.Discharge.V1.Consent;
using DischargeConsentGiver = Samverkan.Contracts.Discharge.V1.ConsentGiver;
using DischargeConsentForm = Samverkan.Contracts.Discharge.V1.ConsentForm;

namespace Samverkan.SipPlans.Tests.Integration;

// Lag 2017:612 across the two services: Karin's readiness notice in the discharge service opens a
// SIP plan in INVITATION_DUE for Lena's health centre (the fixed care contact's unit) with the
// 3-day deadline; Lena sends the invitations in SIP, and that is what meets the discharge case's
// SIP deadline (recorded once, in SIP). Either service may be killed (SIGKILL) between the event
// and its handling: the effect happens exactly once when it is back.
[Collection(SipPlatformCollection.Name)]
public sealed class DischargeToSipTests(SipPlatform platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_readiness_notice_opens_a_plan_and_the_invitation_in_sip_meets_the_discharge_deadline()
    {
        var (caseId, person) = await ReadyForDischargeAsync();

        var plan = await PlanForCaseAsync(caseId, person);
        Assert.Equal(PlanState.InvitationDue, plan.State);
        Assert.Equal("20-vc-2080", plan.InitiatingUnit.Id);
        Assert.Equal("20-vc-2080", plan.InvitationDeadline.ResponsibleUnit.Id);
        Assert.Equal(["20-vc-2080", "2080-soc", "2080-hsl"], plan.Participants.Select(p => p.Unit.Id));

        var lena = await platform.AsUserAsync("lena.dahl");
        await platform.Client.SendInvitationsAsync(Invitations(plan.PlanId), lena);

        var deadline = await SipDeadlineAsync(caseId, d => d.State == DeadlineState.Met);
        Assert.Equal(DeadlineState.Met, deadline.State);
        var @case = await platform.DischargeClient.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("karin.nyberg"));
        Assert.Equal(plan.PlanId, Assert.Single(@case.Events, e => e.SipInvitationRecorded is not null).SipInvitationRecorded.SipPlanId);
    }

    [Fact]
    public async Task A_withdrawn_readiness_cancels_the_plans_deadline()
    {
        var (caseId, person) = await ReadyForDischargeAsync();
        var plan = await PlanForCaseAsync(caseId, person);
        var karin = await platform.AsUserAsync("karin.nyberg");

        await platform.DischargeClient.WithdrawReadinessAsync(new WithdrawReadinessRequest
        {
            RequestId = NewId(), CaseId = caseId, WithdrawnAt = At(DateTimeOffset.UtcNow), Reason = ReadinessWithdrawalReason.ConditionChanged,
        }, karin);

        var cancelled = await Eventually(async () => await GetPlanAsync(plan.PlanId), p => p.InvitationDeadline.Cancelled);
        Assert.NotEqual(PlanState.InvitationDue, cancelled.State);
    }

    [Fact]
    public async Task A_killed_sip_service_opens_the_plan_exactly_once_when_it_is_back()
    {
        await platform.KillSipAsync();
        string caseId, person;
        try
        {
            (caseId, person) = await ReadyForDischargeAsync();
        }
        finally
        {
            await platform.RestartSipAsync();
        }

        await PlanForCaseAsync(caseId, person);
        // Kill it again right after and restart: the event is not handled a second time.
        await platform.KillSipAsync();
        await platform.RestartSipAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var plans = await platform.Client.ListPersonPlansAsync(new ListPersonPlansRequest { PersonalIdentityNumber = new() { Value = person } },
            await platform.AsUserAsync("lena.dahl"));
        Assert.Single(plans.Plans);
    }

    [Fact]
    public async Task A_killed_discharge_service_records_the_sip_invitation_exactly_once_when_it_is_back()
    {
        var (caseId, person) = await ReadyForDischargeAsync();
        var plan = await PlanForCaseAsync(caseId, person);

        await platform.KillDischargeAsync();
        try
        {
            await platform.Client.SendInvitationsAsync(Invitations(plan.PlanId), await platform.AsUserAsync("lena.dahl"));
        }
        finally
        {
            await platform.RestartDischargeAsync();
        }

        await SipDeadlineAsync(caseId, d => d.State == DeadlineState.Met);
        await platform.KillDischargeAsync();
        await platform.RestartDischargeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var @case = await platform.DischargeClient.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("karin.nyberg"));
        Assert.Single(@case.Events, e => e.SipInvitationRecorded is not null);
    }

    // Karin admits a Falun resident who needs social services and municipal health care (so the
    // health centre is a recipient too) and notifies readiness: the SIP deadline starts.
    private async Task<(string CaseId, string Person)> ReadyForDischargeAsync()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var person = NewPersonnummer();
        var admittedAt = DateTimeOffset.UtcNow.AddHours(-3);
        var admission = new SendAdmissionNoticeRequest
        {
            RequestId = NewId(),
            Patient = new Patient
            {
                PersonalIdentityNumber = new PersonalIdentityNumber { Value = person },
                GivenName = "Tolvan", FamilyName = "Tolvansson",
                RegisteredAddress = new PostalAddress { Street = "Storgatan 1", PostalCode = "791 71", City = "Falun" },
            },
            ResidenceMunicipality = new OrganisationRef { Code = "2080" },
            AdmittedAt = At(admittedAt),
            CareType = CareType.Somatic,
            EstimatedDischargeDate = Date(DateOnly.FromDateTime(admittedAt.UtcDateTime).AddDays(5)),
            Consent = new DischargeConsent
            {
                GivenAt = At(admittedAt), Form = DischargeConsentForm.Verbal, Giver = DischargeConsentGiver.Patient,
                Scopes = { ConsentScope.SendNotices, ConsentScope.TransferInformation, ConsentScope.Sip },
            },
            Needs = { CareNeed.SocialServices, CareNeed.MunicipalHealthCare },
        };
        var caseId = (await platform.DischargeClient.SendAdmissionNoticeAsync(admission, karin)).Accepted.CaseId;
        await platform.DischargeClient.NotifyReadyForDischargeAsync(new NotifyReadyForDischargeRequest
        {
            RequestId = NewId(), CaseId = caseId, JudgedReadyAt = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
        }, karin);
        return (caseId, person);
    }

    private async Task<Plan> PlanForCaseAsync(string caseId, string person)
    {
        var lena = await platform.AsUserAsync("lena.dahl");
        var search = new ListPersonPlansRequest { PersonalIdentityNumber = new() { Value = person } };
        var summary = await Eventually(async () => (await platform.Client.ListPersonPlansAsync(search, lena)).Plans.ToList(), l => l.Count > 0);
        var plan = await GetPlanAsync(Assert.Single(summary).PlanId);
        Assert.Equal(caseId, plan.DischargeCaseId);
        return plan;
    }

    private async Task<Plan> GetPlanAsync(string planId) =>
        await platform.Client.GetPlanAsync(new GetPlanRequest { PlanId = planId }, await platform.AsUserAsync("lena.dahl"));

    private async Task<Deadline> SipDeadlineAsync(string caseId, Func<Deadline, bool> condition)
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        return await Eventually(async () =>
            (await platform.DischargeClient.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, karin)).Deadlines.Single(d => d.Kind == DeadlineKind.SipInvitation),
            condition);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            T value;
            try
            {
                value = await read();
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
                continue;
            }
            if (done(value) || DateTime.UtcNow > until) return value;
            await Task.Delay(200);
        }
    }
}
