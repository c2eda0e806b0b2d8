using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Retries never duplicate, duplicates are refused, and a refused call changes nothing.
public sealed class IdempotencyTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);

    [StoreFact]
    public async Task A_retried_admission_notice_returns_the_first_result_and_sends_nothing_twice()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var key = DischargeApp.NewKey();
        var request = Requests.Admission(Now.AddHours(-2));

        var first = await app.Commands.SendAdmissionNoticeAsync(RegionSystem, key, request with { ActingUnit = "20-slv-falun-med" }, default);
        var retry = await app.Commands.SendAdmissionNoticeAsync(RegionSystem, key, request with { ActingUnit = "20-slv-falun-med" }, default);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Case.Id, retry.Case.Id);
        Assert.Equal(2, await app.FeedHeadAsync("2080"));
        Assert.Equal(1, await app.FeedHeadAsync("20"));
    }

    [StoreFact]
    public async Task Concurrent_retries_of_one_request_create_exactly_one_case()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var key = DischargeApp.NewKey();
        var request = Requests.Admission(Now.AddHours(-2));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => app.Commands.SendAdmissionNoticeAsync(InpatientNurse, key, request, default))));

        Assert.Single(outcomes.Select(o => o.Case.Id).Distinct());
        Assert.Single(outcomes, o => !o.Replayed);
        Assert.Equal(2, await app.FeedHeadAsync("2080"));
    }

    [StoreFact]
    public async Task Concurrent_retries_of_a_readiness_notice_record_it_once_and_all_succeed()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);
        var key = DischargeApp.NewKey();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() =>
            app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, key, opened.Case.Id, null, Now.AddMinutes(-5), default))));

        Assert.Single(outcomes.Select(o => o.Event.Sequence).Distinct());
        Assert.Single(outcomes, o => !o.Replayed);
        var (@case, _) = await app.Queries.GetCaseAsync(InpatientNurse, opened.Case.Id, default);
        Assert.Single(@case.Events.OfType<Samverkan.DischargeNotices.Domain.Events.ReadinessNotified>());
        Assert.Equal(4, await app.FeedHeadAsync("2080"));
    }

    [StoreFact]
    public async Task A_request_id_reused_for_a_different_request_is_refused()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);
        var key = DischargeApp.NewKey("readiness-A");
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, key, opened.Case.Id, null, Now.AddMinutes(-5), default);

        var reused = await Assert.ThrowsAsync<RuleViolation>(() =>
            app.Commands.TransferInformationAsync(InpatientNurse, key with { Fingerprint = "transfer-B" }, opened.Case.Id, null, null, "Epikris", default));

        Assert.Equal(ViolationKind.AlreadyExists, reused.Kind);
        Assert.Contains("request_id", reused.Message);
    }

    [StoreFact]
    public async Task A_second_admission_for_a_patient_with_an_open_case_is_a_duplicate_until_the_discharge()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var patient = TestPatients.Next();
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-5), patient), default);

        var duplicate = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.SendAdmissionNoticeAsync(OtherWardNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1), patient), default));
        Assert.Equal(ViolationKind.AlreadyExists, duplicate.Kind);
        Assert.DoesNotContain(opened.Case.Id, duplicate.Message);   // #15.4: another ward may not learn the case id

        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddHours(-1), default);
        await app.Commands.RegisterDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddMinutes(-10), default);
        var readmitted = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddMinutes(-5), patient), default);

        Assert.NotEqual(opened.Case.Id, readmitted.Case.Id);
        Assert.Equal(2, (await app.Queries.ListPatientCasesAsync(InpatientNurse, patient.PersonalIdentityNumber.Value, 0, null, default)).Cases.Count);
    }

    [StoreFact]
    public async Task A_refused_step_changes_nothing_in_the_store()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);
        var version = await app.CaseVersionAsync(opened.Case.Id);
        var audit = (await app.AuditAsync()).Count;
        var feed = await app.FeedHeadAsync("2080");

        var refusals = new Func<Task>[]
        {
            () => app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddHours(-3), default),
            () => app.Commands.RegisterDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now, default),
            () => app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now.AddHours(1), default),
            () => app.Commands.NotifyReadyForDischargeAsync(OtherWardNurse, DischargeApp.NewKey(), opened.Case.Id, null, Now, default),
            () => app.Commands.NotifyReadyForDischargeAsync(FalunSocialWorker, DischargeApp.NewKey(), opened.Case.Id, null, Now, default),
        };
        var kinds = new List<ViolationKind>();
        foreach (var refusal in refusals) kinds.Add((await Assert.ThrowsAsync<CaseRuleViolation>(refusal)).Kind);

        Assert.Equal([ViolationKind.FailedPrecondition, ViolationKind.FailedPrecondition, ViolationKind.InvalidArgument,
            ViolationKind.NotFound, ViolationKind.PermissionDenied], kinds);
        Assert.Equal(version, await app.CaseVersionAsync(opened.Case.Id));
        Assert.Equal(audit, (await app.AuditAsync()).Count);
        Assert.Equal(feed, await app.FeedHeadAsync("2080"));
    }

    [StoreFact]
    public async Task Without_consent_no_case_and_no_notice_exist()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var request = Requests.Admission(Now.AddHours(-2), consent: [Samverkan.DischargeNotices.Domain.Consent.ConsentScope.Sip]);

        var refused = await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), request, default));

        Assert.Equal(ViolationKind.MissingConsent, refused.Kind);
        Assert.Equal(0, await app.FeedHeadAsync("2080"));
        Assert.Empty(await app.AuditAsync());
    }
}
