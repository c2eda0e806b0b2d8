using Samverkan.Contracts.Audit.V1;
using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// The application layer on a real store: routing, inboxes, acknowledgements, visibility, audit.
public sealed class AdmissionAndInboxTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);

    [StoreFact]
    public async Task An_admission_notice_reaches_the_inbox_of_every_routed_unit_and_no_one_else()
    {
        using var app = DischargeApp.Start(store.Server, Now);

        var outcome = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);

        Assert.Equal(32, outcome.Case.Id.Length);
        foreach (var (caller, unit) in new[] { (FalunSocialWorker, "2080-soc"), (FalunNurse, "2080-hsl"), (HealthCentreNurse, "20-vc-2080") })
        {
            var inbox = await app.Queries.ListInboxAsync(caller, null, unacknowledgedOnly: true, 0, null, default);
            var item = Assert.Single(inbox.Items);
            Assert.Equal((outcome.Case.Id, 1, unit, NoticeKind.Admission), (item.Case.Id, item.Notice.Sequence, item.UnitId, item.Notice.Kind));
        }
        var falun = await app.Queries.ListInboxAsync(FalunSystem, null, false, 0, null, default);
        Assert.Equal(["2080-hsl", "2080-soc"], falun.Items.Select(i => i.UnitId).Order());
        Assert.Empty((await app.Queries.ListInboxAsync(BorlangeSystem, null, false, 0, null, default)).Items);
        Assert.Empty((await app.Queries.ListInboxAsync(OtherWardNurse, null, false, 0, null, default)).Items);
    }

    [StoreFact]
    public async Task An_acknowledged_notice_leaves_the_unacknowledged_inbox_and_the_sender_sees_who_acknowledged()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);

        var ack = await app.Commands.AcknowledgeNoticeAsync(FalunSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null, 1, default);
        var again = await app.Commands.AcknowledgeNoticeAsync(FalunSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null, 1, default);

        Assert.False(ack.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(ack.Event.Sequence, again.Event.Sequence);
        Assert.Empty((await app.Queries.ListInboxAsync(FalunSocialWorker, null, true, 0, null, default)).Items);
        Assert.Single((await app.Queries.ListInboxAsync(FalunSocialWorker, null, false, 0, null, default)).Items);
        var (seen, _) = await app.Queries.GetCaseAsync(InpatientNurse, opened.Case.Id, default);
        Assert.NotNull(seen.AcknowledgementOf(1, "2080-soc"));
        Assert.Null(seen.AcknowledgementOf(1, "2080-hsl"));
    }

    [StoreFact]
    public async Task Another_municipality_cannot_see_or_touch_the_case()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);

        var read = await Assert.ThrowsAsync<CaseRuleViolation>(() => app.Queries.GetCaseAsync(BorlangeSystem, opened.Case.Id, default));
        var ack = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.AcknowledgeNoticeAsync(BorlangeSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null, 1, default));

        Assert.Equal(ViolationKind.NotFound, read.Kind);
        Assert.Equal(ViolationKind.NotFound, ack.Kind);
        Assert.Empty((await app.Queries.ListPatientCasesAsync(BorlangeSystem, opened.Case.Patient.PersonalIdentityNumber.Value, 0, null, default)).Cases);
    }

    [StoreFact]
    public async Task Every_change_and_read_is_in_the_access_log_with_a_pseudonymous_person_reference()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var patient = TestPatients.Next();
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2), patient), default);
        await app.Queries.GetCaseAsync(FalunSocialWorker, opened.Case.Id, default);

        var records = await app.AuditAsync();

        Assert.Equal([AccessAction.Create, AccessAction.Disclose, AccessAction.Read], records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal(app.PersonRef(patient.PersonalIdentityNumber.Value), r.PersonRef));
        Assert.All(records, r => Assert.Equal($"discharge-case/{opened.Case.Id}", r.Resource));
        Assert.Equal(("20-slv-falun-med", "20"), (records[0].UnitId, records[0].OrganisationCode));
        Assert.Equal(("2080-soc", "2080"), (records[2].UnitId, records[2].OrganisationCode));
        Assert.All(records, r => Assert.Equal(("20", "20-slv-falun-med"), (r.ResourceOrganisationCode, r.ResourceUnitId)));
        Assert.All(records, r => Assert.Equal("discharge-notices", r.Service));
        Assert.DoesNotContain(records, r => r.ToString().Contains(patient.PersonalIdentityNumber.Value));
    }

    [StoreFact]
    public async Task A_patient_with_protected_identity_is_left_out_of_open_case_lists_but_reachable_by_inbox_and_search()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var hidden = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(),
            Requests.Admission(Now.AddHours(-2), TestPatients.Next(protectedIdentity: true)), default);
        var visible = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);

        var open = await app.Queries.ListOpenCasesAsync(FalunSocialWorker, null, 0, null, default);
        var inbox = await app.Queries.ListInboxAsync(FalunSocialWorker, null, false, 0, null, default);
        var search = await app.Queries.ListPatientCasesAsync(FalunSocialWorker, hidden.Case.Patient.PersonalIdentityNumber.Value, 0, null, default);

        Assert.Equal([visible.Case.Id], open.Cases.Select(c => c.Id));
        Assert.Contains(inbox.Items, i => i.Case.Id == hidden.Case.Id);
        Assert.Equal([hidden.Case.Id], search.Cases.Select(c => c.Id));
        Assert.Contains(await app.AuditAsync(), r => r.ProtectedIdentity && r.Action == AccessAction.Read);
    }

    [StoreFact]
    public async Task Open_cases_page_through_the_index_without_gaps_or_repeats()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            // Two admissions share each admission time: ties must not break paging.
            var admitted = Now.AddHours(-10 + i / 2);
            ids.Add((await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(admitted), default)).Case.Id);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await app.Queries.ListOpenCasesAsync(InpatientNurse, null, 3, token, default);
            seen.AddRange(page.Cases.Select(c => c.Id));
            token = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(token));

        Assert.Equal(ids.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
