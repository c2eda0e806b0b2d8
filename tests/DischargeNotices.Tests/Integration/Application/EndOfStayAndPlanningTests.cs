using Samverkan.Contracts.Audit.V1;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.ServiceDefaults.Authorization;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Issue #16.5-7 and #15.4 on a real store: the new steps through the whole application layer
// (access, indexes, feeds, the open-patient lock, access records).
public sealed class EndOfStayAndPlanningTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);
    private static readonly CallerIdentity GeriatricNurse =
        Staff("u-slv-falun-ger", "20", OrganisationKind.Region, "20-slv-falun-ger", PlatformRoles.DischargeSender);

    [StoreFact]
    public async Task A_stay_that_ends_without_readiness_closes_the_case_and_the_person_can_be_admitted_again()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var patient = TestPatients.Next();
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2), patient), default);

        var ended = await app.Commands.EndStayAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null,
            StayEndKind.LeftAgainstMedicalAdvice, Now.AddMinutes(-10), null, default);
        var again = await app.Commands.SendAdmissionNoticeAsync(OtherWardNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddMinutes(-5), patient), default);

        Assert.Equal(CaseStatus.StayEnded, ended.Case.Status);
        Assert.NotEqual(opened.Case.Id, again.Case.Id);
        Assert.DoesNotContain((await app.Queries.ListOpenCasesAsync(InpatientNurse, null, 0, null, default)).Cases, c => c.Id == opened.Case.Id);
        var inbox = await app.Queries.ListInboxAsync(FalunSocialWorker, null, false, 0, null, default);
        Assert.Contains(inbox.Items, i => i.Case.Id == opened.Case.Id && i.Notice.Kind == NoticeKind.StayEnded);
    }

    [StoreFact]
    public async Task A_removed_recipient_gets_the_change_in_its_inbox_and_can_acknowledge_it_an_added_one_gets_the_case()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(),
            Requests.Admission(Now.AddHours(-2), needs: [CareNeed.SocialServices]), default);

        var changed = await app.Commands.ChangeNeedsAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null,
            [CareNeed.MunicipalHealthCare], Now.AddMinutes(-30), null, null, default);

        var removedInbox = await app.Queries.ListInboxAsync(FalunSocialWorker, null, true, 0, null, default);
        Assert.Contains(removedInbox.Items, i => i.Notice.Sequence == changed.Event.Sequence);
        var ack = await app.Commands.AcknowledgeNoticeAsync(FalunSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null, changed.Event.Sequence, default);
        Assert.False(ack.Replayed);
        var addedInbox = await app.Queries.ListInboxAsync(FalunNurse, null, true, 0, null, default);
        Assert.Contains(addedInbox.Items, i => i.Case.Id == opened.Case.Id && i.Notice.Kind == NoticeKind.NeedsChanged);
        // The removed unit takes no recipient step any more.
        await Assert.ThrowsAsync<CaseRuleViolation>(() => app.Commands.RecordPlanningStepAsync(FalunSocialWorker, DischargeApp.NewKey(),
            opened.Case.Id, null, PlanningStep.PlanningStarted, null, default));
    }

    [StoreFact]
    public async Task A_transfer_hands_the_case_to_the_new_inpatient_unit()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);

        await app.Commands.TransferToInpatientUnitAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null,
            "20-slv-falun-ger", Now.AddMinutes(-20), null, default);

        Assert.Contains((await app.Queries.ListOpenCasesAsync(GeriatricNurse, null, 0, null, default)).Cases, c => c.Id == opened.Case.Id);
        Assert.DoesNotContain((await app.Queries.ListOpenCasesAsync(InpatientNurse, null, 0, null, default)).Cases, c => c.Id == opened.Case.Id);
        var ready = await app.Commands.NotifyReadyForDischargeAsync(GeriatricNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddMinutes(-10), default);
        Assert.Equal(CaseStatus.ReadyForDischarge, ready.Case.Status);
        var refused = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.RegisterDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddMinutes(-5), default));
        Assert.Equal(ViolationKind.PermissionDenied, refused.Kind);
        var outside = await Assert.ThrowsAsync<CaseRuleViolation>(() => app.Commands.TransferToInpatientUnitAsync(GeriatricNurse, DischargeApp.NewKey(),
            opened.Case.Id, null, "2080-soc", Now.AddMinutes(-5), null, default));
        Assert.Equal("new_sending_unit", outside.Field);
    }

    [StoreFact]
    public async Task A_recipients_planning_step_reaches_the_sender()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);

        var step = await app.Commands.RecordPlanningStepAsync(FalunSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null,
            PlanningStep.ReadyToReceive, null, default);

        var senderInbox = await app.Queries.ListInboxAsync(InpatientNurse, null, true, 0, null, default);
        Assert.Contains(senderInbox.Items, i => i.Notice.Sequence == step.Event.Sequence && i.Notice.Kind == NoticeKind.PlanningStepRecorded);
        var (seen, _) = await app.Queries.GetCaseAsync(InpatientNurse, opened.Case.Id, default);
        Assert.Equal(PlanningStep.ReadyToReceive, seen.PlanningStepOf("2080-soc")?.Step);
    }

    [StoreFact]
    public async Task A_telephone_notice_is_visible_on_the_case_and_in_the_access_record()
    {
        // Admission notice sent yesterday; readiness phoned to the recipients 20 hours ago during an
        // outage; typed in now.
        using var app = DischargeApp.Start(store.Server, Now.AddHours(-29));
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-30)), default);
        app.Time.SetUtcNow(Now);
        var call = new TelephoneNotice(Now.AddHours(-20), TelephoneNoticeReason.PlatformUnavailable);

        var ready = await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null,
            Now.AddHours(-21), default, call);

        var (seen, _) = await app.Queries.GetCaseAsync(FalunSocialWorker, opened.Case.Id, default);
        var notice = Assert.IsType<Samverkan.DischargeNotices.Domain.Events.ReadinessNotified>(seen.EventAt(ready.Event.Sequence));
        Assert.Equal(call, notice.Telephone);
        Assert.Equal(Now, notice.RecordedAt);
        var records = (await app.AuditAsync()).Where(r => r.UserSubject == InpatientNurse.Subject && r.Action == AccessAction.Change).ToList();
        Assert.Contains(records, r => r.Purpose == CaseAuditor.TelephoneNotice(TelephoneNoticeReason.PlatformUnavailable));
    }

    // Issue #15.4: a refused admission notice tells the caller only what it may know, and is logged.
    [StoreFact]
    public async Task A_duplicate_admission_from_a_unit_outside_the_case_is_logged_and_does_not_name_the_case()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var patient = TestPatients.Next();
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2), patient), default);

        var outsider = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.SendAdmissionNoticeAsync(OtherWardNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1), patient), default));
        var own = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1), patient), default));

        Assert.Equal(ViolationKind.AlreadyExists, outsider.Kind);
        Assert.DoesNotContain(opened.Case.Id, outsider.Message);
        Assert.Contains(opened.Case.Id, own.Message);
        var checks = (await app.AuditAsync()).Where(r => r.Purpose == CaseAuditor.AdmissionDuplicateCheck).ToList();
        Assert.Equal([OtherWardNurse.Subject, InpatientNurse.Subject], checks.Select(r => r.UserSubject));
        Assert.All(checks, r => Assert.Equal((AccessAction.Read, app.PersonRef(patient.PersonalIdentityNumber.Value)), (r.Action, r.PersonRef)));
        Assert.Single((await app.Queries.ListPatientCasesAsync(InpatientNurse, patient.PersonalIdentityNumber.Value, 0, null, default)).Cases);
    }
}
