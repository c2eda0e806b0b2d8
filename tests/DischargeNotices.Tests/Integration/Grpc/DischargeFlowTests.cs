using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// The whole discharge flow as the users' systems perform it: real tokens for real demo users and
// systems, real h2c calls, a real store. Karin (inpatient, Falu lasarett medicin) sends; Anna
// (Falun social services) and Maria (Falun municipal health care) receive; Lena (Hälsocentral
// Falun) appoints herself fixed care contact and calls to the SIP; Falun's system follows it all
// on its subscription stream.
[Collection(DischargePlatformCollection.Name)]
public sealed class DischargeFlowTests(DischargePlatform platform)
{
    private Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient Client => platform.Client;

    [Fact]
    public async Task From_admission_to_discharge_every_step_is_a_timestamped_event_delivered_to_the_right_units()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var anna = await platform.AsUserAsync("anna.lind");
        var lena = await platform.AsUserAsync("lena.dahl");
        var start = DateTimeOffset.UtcNow;

        // 1. Admission notice (inskrivningsmeddelande), routed from residence and needs.
        var admission = Admission(start.AddHours(-3));
        var sent = await Client.SendAdmissionNoticeAsync(admission, karin);
        var caseId = sent.Accepted.CaseId;
        Assert.Equal(["2080-soc", "2080-hsl", "20-vc-2080"], sent.Recipients.Select(r => r.Unit.Id));
        Assert.Equal(DeadlineState.Met, sent.AdmissionNoticeDeadline.State);

        // Falun's system subscribes to its organisation's notices from the start of the feed.
        using var subscription = new FeedCollector(Client, await platform.SystemTokenAsync("falun"), afterPosition: 0, caseId);

        // 2. Receipt and acknowledgement: Anna acknowledges, Maria does not (and blocks nothing).
        var annasInbox = await Client.ListInboxAsync(new ListInboxRequest { UnacknowledgedOnly = true }, anna);
        var notice = Assert.Single(annasInbox.Notices, n => n.CaseId == caseId);
        Assert.Equal((NoticeKind.Admission, "2080-soc"), (notice.Kind, notice.Addressee.Id));
        Assert.Equal("Storgatan 1", notice.Case.Patient.RegisteredAddress.Street);
        await Client.AcknowledgeNoticeAsync(new AcknowledgeNoticeRequest { RequestId = NewId(), CaseId = caseId, NoticeSequence = 1 }, anna);

        // 3. Fixed care contact, 4. changed estimate, readiness, SIP invitation, information transfer, discharge.
        await Client.AppointFixedCareContactAsync(new AppointFixedCareContactRequest
        {
            RequestId = NewId(), CaseId = caseId, Name = "Lena Dahl", Title = "Distriktssköterska", Phone = "023-490000",
        }, lena);
        await Client.ChangeEstimatedDischargeDateAsync(new ChangeEstimatedDischargeDateRequest
        {
            RequestId = NewId(), CaseId = caseId, EstimatedDischargeDate = Date(start.AddDays(2)),
        }, karin);
        var ready = await Client.NotifyReadyForDischargeAsync(new NotifyReadyForDischargeRequest
        {
            RequestId = NewId(), CaseId = caseId, JudgedReadyAt = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
        }, karin);
        Assert.Equal(CaseStatus.ReadyForDischarge, ready.Status);
        await Client.RecordSipInvitationAsync(new RecordSipInvitationRequest
        {
            RequestId = NewId(), CaseId = caseId, InvitedAt = At(DateTimeOffset.UtcNow), SipPlanId = "sip-test-1",
        }, lena);
        await Client.TransferInformationAsync(new TransferInformationRequest
        {
            RequestId = NewId(), CaseId = caseId, Summary = "Läkemedelslista och omvårdnadsepikris.",
        }, karin);
        var discharged = await Client.RegisterDischargeAsync(new RegisterDischargeRequest
        {
            RequestId = NewId(), CaseId = caseId, DischargedAt = At(DateTimeOffset.UtcNow),
        }, karin);
        Assert.Equal(CaseStatus.Discharged, discharged.Status);

        // The sender sees the whole history, who acknowledged, and every deadline met.
        var @case = await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, karin);
        Assert.Equal(
            [CaseEvent.DetailOneofCase.AdmissionNoticeSent, CaseEvent.DetailOneofCase.NoticeAcknowledged,
             CaseEvent.DetailOneofCase.FixedCareContactAppointed, CaseEvent.DetailOneofCase.EstimatedDischargeDateChanged,
             CaseEvent.DetailOneofCase.ReadinessNotified, CaseEvent.DetailOneofCase.SipInvitationRecorded,
             CaseEvent.DetailOneofCase.InformationTransferred, CaseEvent.DetailOneofCase.PatientDischarged],
            @case.Events.Select(e => e.DetailCase));
        Assert.Equal(Enumerable.Range(1, 8), @case.Events.Select(e => e.Sequence));
        Assert.All(@case.Events, e => Assert.NotNull(e.RecordedAt));
        var admissionAddressees = @case.Events[0].Addressees.ToDictionary(a => a.Unit.Id, a => a.AcknowledgedAt);
        Assert.NotNull(admissionAddressees["2080-soc"]);
        Assert.Null(admissionAddressees["2080-hsl"]);
        Assert.All(@case.Deadlines, d => Assert.Equal(DeadlineState.Met, d.State));
        Assert.Equal(
            [DeadlineKind.AdmissionNotice, DeadlineKind.InformationTransfer, DeadlineKind.SipInvitation, DeadlineKind.FixedCareContact],
            @case.Deadlines.Select(d => d.Kind));
        Assert.Equal("Lena Dahl", @case.FixedCareContact.Name);

        // Falun's system received each notice for each of its two units, in order.
        var delivered = await subscription.WaitForAsync(12);
        Assert.Equal(
            [NoticeKind.Admission, NoticeKind.FixedCareContactAppointed, NoticeKind.EstimatedDischargeDateChanged,
             NoticeKind.ReadyForDischarge, NoticeKind.InformationTransfer, NoticeKind.Discharged],
            delivered.Select(d => d.Notice.Kind).Distinct());
        Assert.All(delivered.GroupBy(d => d.Notice.EventSequence), g => Assert.Equal(["2080-hsl", "2080-soc"], g.Select(d => d.Notice.Addressee.Id).Order()));
        Assert.Equal(delivered.Select(d => d.Position).Order(), delivered.Select(d => d.Position));

        // Other municipalities and unrelated units see nothing.
        await AssertNotFound(async () => await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsUserAsync("erik.berg")));
        await AssertNotFound(async () => await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, await platform.AsSystemAsync("borlange")));
    }

    [Fact]
    public async Task A_retried_notice_is_answered_with_the_original_and_never_duplicated()
    {
        var region = await platform.AsSystemAsync("region-dalarna");
        var request = Admission(DateTimeOffset.UtcNow.AddHours(-1));
        request.ActingUnit = new UnitRef { Id = "20-slv-falun-med" };

        var first = await Client.SendAdmissionNoticeAsync(request, region);
        var retry = await Client.SendAdmissionNoticeAsync(request, region);
        var inbox = await Client.ListInboxAsync(new ListInboxRequest(), await platform.AsSystemAsync("falun"));

        Assert.False(first.Accepted.Replayed);
        Assert.True(retry.Accepted.Replayed);
        Assert.Equal(first.Accepted.CaseId, retry.Accepted.CaseId);
        Assert.Equal(2, inbox.Notices.Count(n => n.CaseId == first.Accepted.CaseId));
    }

    [Fact]
    public async Task The_subscription_resumes_from_the_last_position_without_loss_or_repeats()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var falun = await platform.SystemTokenAsync("falun");
        var caseId = (await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-2)), karin)).Accepted.CaseId;

        // Connected: receive the admission notice for both Falun units, then the system goes away.
        long lastSeen;
        using (var first = new FeedCollector(Client, falun, afterPosition: 0, caseId))
        {
            lastSeen = (await first.WaitForAsync(2)).Max(d => d.Position);
        }

        // While it is disconnected, the case moves on.
        await Client.NotifyReadyForDischargeAsync(new NotifyReadyForDischargeRequest
        {
            RequestId = NewId(), CaseId = caseId, JudgedReadyAt = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
        }, karin);
        await Client.TransferInformationAsync(new TransferInformationRequest { RequestId = NewId(), CaseId = caseId, Summary = "Epikris" }, karin);

        // Reconnected from the last position: exactly what it missed, in order, nothing twice.
        using var resumed = new FeedCollector(Client, falun, lastSeen, caseId);
        var missed = await resumed.WaitForAsync(4);
        Assert.All(missed, d => Assert.True(d.Position > lastSeen));
        Assert.Equal([NoticeKind.ReadyForDischarge, NoticeKind.ReadyForDischarge, NoticeKind.InformationTransfer, NoticeKind.InformationTransfer],
            missed.Select(d => d.Notice.Kind));
        Assert.Equal(4, missed.Select(d => d.Position).Distinct().Count());

        // And it keeps receiving live notices on the same stream.
        await Client.RegisterDischargeAsync(new RegisterDischargeRequest { RequestId = NewId(), CaseId = caseId, DischargedAt = At(DateTimeOffset.UtcNow) }, karin);
        var live = await resumed.WaitForAsync(6);
        Assert.Equal(NoticeKind.Discharged, live[^1].Notice.Kind);
    }

    [Fact]
    public async Task A_patient_with_protected_identity_never_has_an_address_in_any_answer()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var anna = await platform.AsUserAsync("anna.lind");
        var caseId = (await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), protectedIdentity: true), karin)).Accepted.CaseId;

        var forSender = await Client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, karin);
        var inbox = await Client.ListInboxAsync(new ListInboxRequest(), anna);
        var open = await Client.ListOpenCasesAsync(new ListOpenCasesRequest(), anna);

        Assert.True(forSender.Patient.ProtectedIdentity);
        Assert.Null(forSender.Patient.RegisteredAddress);
        Assert.Null(Assert.Single(inbox.Notices, n => n.CaseId == caseId).Case.Patient.RegisteredAddress);
        Assert.DoesNotContain(open.Cases, c => c.CaseId == caseId);
    }

    private static async Task AssertNotFound(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }
}
