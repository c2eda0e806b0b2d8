using Samverkan.Contracts.Events.V1;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Domain.Cases;
using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Events;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Deadlines computed by the service: the monitor records breaches nobody triggered, they are listed
// per organisation and exported as deviations, and the SIP plans service hears of the SIP deadline.
public sealed class DeadlineMonitorTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    // Monday 11 March 2024, 10:00 in Sweden.
    private static readonly DateTimeOffset Monday = Sweden.At(2024, 3, 11, 10, 0);

    [StoreFact]
    public async Task A_sip_invitation_deadline_that_passes_unnoticed_is_recorded_once_and_reported_to_both_parties()
    {
        using var app = DischargeApp.Start(store.Server, Monday);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Monday.AddHours(-3)), default);
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Monday.AddMinutes(-10), default);

        // Due at the end of Thursday 14 March. Friday morning, nothing has happened.
        app.Time.SetUtcNow(Sweden.At(2024, 3, 14, 23, 59));
        Assert.Equal(0, await app.Monitor.ScanAsync(default));
        app.Time.SetUtcNow(Sweden.At(2024, 3, 15, 0, 1));
        Assert.Equal(1, await app.Monitor.ScanAsync(default));
        Assert.Equal(0, await app.Monitor.ScanAsync(default));

        var (@case, deadlines) = await app.Queries.GetCaseAsync(HealthCentreNurse, opened.Case.Id, default);
        var breach = Assert.Single(@case.Events.OfType<DeadlineBreached>());
        Assert.Equal((DeadlineKind.SipInvitation, Sweden.At(2024, 3, 15, 0, 0)), (breach.Kind, breach.DueAt));
        Assert.Equal(DeadlineState.Overdue, deadlines.Single(d => d.Kind == DeadlineKind.SipInvitation).State);

        var pastForFalun = await app.Queries.ListCasesPastDeadlineAsync(FalunSystem, 0, null, default);
        Assert.Equal(DeadlineKind.SipInvitation, Assert.Single(Assert.Single(pastForFalun.Cases).Missed).Kind);

        var from = Sweden.At(2024, 3, 1, 0, 0);
        var to = Sweden.At(2024, 4, 1, 0, 0);
        var reported = await app.FollowUp.ExportDeviationReportsAsync(FalunSystem, from, to, DeviationParty.Reporting, 0, null, default);
        var responsible = await app.FollowUp.ExportDeviationReportsAsync(RegionSystem, from, to, DeviationParty.Responsible, 0, null, default);
        var report = Assert.Single(reported.Reports);
        Assert.Equal(report, Assert.Single(responsible.Reports));
        Assert.Equal(("20", "20-vc-2080", "2080"), (report.ResponsibleOrganisation, report.ResponsibleUnit, report.ReportingOrganisation));
        Assert.Empty((await app.FollowUp.ExportDeviationReportsAsync(FalunSystem, from, to, DeviationParty.Responsible, 0, null, default)).Reports);
        Assert.Empty((await app.FollowUp.ExportDeviationReportsAsync(BorlangeSystem, from, to, DeviationParty.Both, 0, null, default)).Reports);
    }

    [StoreFact]
    public async Task A_late_admission_notice_is_a_breach_at_once_without_waiting_for_the_monitor()
    {
        using var app = DischargeApp.Start(store.Server, Monday);

        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Monday.AddHours(-30)), default);

        var breach = Assert.Single(opened.Case.Events.OfType<DeadlineBreached>());
        Assert.Equal(DeadlineKind.AdmissionNotice, breach.Kind);
        var past = await app.Queries.ListCasesPastDeadlineAsync(InpatientNurse, 0, null, default);
        Assert.Equal(DeadlineState.MetLate, Assert.Single(Assert.Single(past.Cases).Missed).State);
    }

    [StoreFact]
    public async Task The_readiness_notice_tells_the_sip_plans_service_and_a_withdrawal_cancels_it()
    {
        using var app = DischargeApp.Start(store.Server, Monday);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Monday.AddHours(-3)), default);
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Monday.AddMinutes(-10), default);
        app.Time.Advance(TimeSpan.FromHours(3));
        await app.Commands.WithdrawReadinessAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, app.Time.GetUtcNow(),
            ReadinessWithdrawalReason.ConditionChanged, default);

        var events = await app.EventsAsync();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("discharge-notices", e.Source));
        var started = events[0].Payload.Unpack<SipInvitationDeadlineStarted>();
        Assert.Equal((opened.Case.Id, 2, "20-vc-2080", "2080"), (started.DischargeCaseId, started.ReadinessEventSequence, started.OutpatientUnit.Id, started.ResidenceMunicipality.Code));
        Assert.Equal(["2080-soc", "2080-hsl"], started.MunicipalUnits.Select(u => u.Id));
        Assert.Equal(Sweden.At(2024, 3, 15, 0, 0), started.InvitationDueAt.ToDateTimeOffset());
        Assert.True(started.SipConsentRecorded);
        var cancelled = events[1].Payload.Unpack<SipInvitationDeadlineCancelled>();
        Assert.Equal((opened.Case.Id, 2), (cancelled.DischargeCaseId, cancelled.ReadinessEventSequence));
    }

    [StoreFact]
    public async Task No_sip_event_when_only_the_municipality_is_needed()
    {
        using var app = DischargeApp.Start(store.Server, Monday);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(),
            Requests.Admission(Monday.AddHours(-3), needs: [CareNeed.SocialServices]), default);

        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Monday.AddMinutes(-10), default);

        Assert.Empty(await app.EventsAsync());
    }
}
