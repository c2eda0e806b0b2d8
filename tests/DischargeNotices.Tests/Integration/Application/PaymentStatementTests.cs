using Samverkan.DischargeNotices.Domain.Payment;
using Samverkan.DischargeNotices.Domain.Rules;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Monthly statements from stored cases: the month boundary, the agreement changed at run time,
// who may export them, and a year without a configured amount.
public sealed class PaymentStatementTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    [StoreFact]
    public async Task A_stay_across_the_month_boundary_is_charged_in_each_month_and_a_changed_agreement_recomputes()
    {
        // Notice Fri 27 Jan 2023 10:00, discharge Fri 3 Feb 09:00 (individual model, threshold 3, day 0 counts):
        // ready 27 Jan-2 Feb = 7 days, free 27-29 Jan, charged 30, 31 Jan (21 000 kr) and 1, 2 Feb (21 000 kr).
        using var app = DischargeApp.Start(store.Server, Sweden.At(2023, 1, 20, 9, 0));
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Sweden.At(2023, 1, 20, 8, 0)), default);
        app.Time.SetUtcNow(Sweden.At(2023, 1, 27, 10, 0));
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Sweden.At(2023, 1, 27, 9, 30), default);
        app.Time.SetUtcNow(Sweden.At(2023, 2, 3, 9, 0));
        await app.Commands.RegisterDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Sweden.At(2023, 2, 3, 9, 0), default);
        app.Time.SetUtcNow(Sweden.At(2023, 3, 1, 8, 0));

        var january = await app.FollowUp.GetMonthlyStatementAsync(FalunSystem, "2080", 2023, 1, default);
        var february = await app.FollowUp.GetMonthlyStatementAsync(FalunSystem, "2080", 2023, 2, default);

        Assert.Equal((2, 21_000L, false), (january.ChargedDayCount, january.AmountSek, january.Preliminary));
        Assert.Equal([Sweden.Day(2023, 1, 30), Sweden.Day(2023, 1, 31)], Assert.Single(january.Lines).ChargedDays.Select(d => d.Date));
        Assert.Equal((2, 21_000L), (february.ChargedDayCount, february.AmountSek));
        Assert.Equal(opened.Case.Patient.PersonalIdentityNumber, february.Lines[0].PersonalIdentityNumber);

        // Finance switches to the monthly-average model: the same events, computed again.
        // February: one case discharged, 7 ready days − 3 × 1 = 4 charged days × 10 500 = 42 000 kr.
        app.Configuration["PaymentResponsibility:DefaultAgreement:Model"] = "MonthlyAverage";
        app.Configuration.Reload();
        var recomputed = await app.FollowUp.GetMonthlyStatementAsync(FalunSystem, "2080", 2023, 2, default);

        Assert.Equal(PaymentModel.MonthlyAverage, recomputed.Agreement.Model);
        Assert.Equal((4, 42_000L), (recomputed.ChargedDayCount, recomputed.AmountSek));
        Assert.Equal(7, Assert.Single(recomputed.Lines).ReadyDayCount);
    }

    [StoreFact]
    public async Task Only_the_municipality_itself_or_the_regions_systems_export_its_statement()
    {
        using var app = DischargeApp.Start(store.Server, Sweden.At(2023, 3, 10, 9, 0));

        Assert.Equal(ViolationKind.PermissionDenied, (await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.FollowUp.GetMonthlyStatementAsync(BorlangeSystem, "2080", 2023, 2, default))).Kind);
        Assert.Equal(ViolationKind.PermissionDenied, (await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.FollowUp.GetMonthlyStatementAsync(InpatientNurse, "2080", 2023, 2, default))).Kind);
        Assert.Empty((await app.FollowUp.GetMonthlyStatementAsync(RegionSystem, "2080", 2023, 2, default)).Lines);
        Assert.Equal("month", (await Assert.ThrowsAsync<CaseRuleViolation>(() =>
            app.FollowUp.GetMonthlyStatementAsync(FalunSystem, "2080", 2023, 4, default))).Field);
    }

    [StoreFact]
    public async Task A_charged_day_in_a_year_without_an_amount_stops_the_statement()
    {
        using var app = DischargeApp.Start(store.Server, Sweden.At(2021, 3, 1, 9, 0));
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Sweden.At(2021, 2, 25, 8, 0)), default);
        await app.Commands.NotifyReadyForDischargeAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, Sweden.At(2021, 3, 1, 8, 0), default);
        app.Time.SetUtcNow(Sweden.At(2021, 3, 20, 9, 0));

        var missing = await Assert.ThrowsAsync<MissingDailyAmountException>(() =>
            app.FollowUp.GetMonthlyStatementAsync(FalunSystem, "2080", 2021, 3, default));

        Assert.Equal(2021, missing.Year);
    }
}
