using Samverkan.DischargeNotices.Domain.Deadlines;
using Samverkan.DischargeNotices.Domain.Deviations;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.DischargeNotices.Tests.Unit.Support;
using static Samverkan.DischargeNotices.Tests.Unit.Support.Scenario;

namespace Samverkan.DischargeNotices.Tests.Unit.Domain;

public sealed class DeviationReportsTests
{
    private static readonly DeadlineEvaluator Evaluator = new(new DeadlinePolicy());

    [Fact]
    public void A_late_admission_notice_is_a_deviation_addressed_to_the_region_reported_by_the_municipality()
    {
        var admitted = Sweden.At(2024, 3, 4, 8, 0);
        var @case = Admit(admitted, sentAt: admitted.AddHours(30));
        var breach = Assert.Single(@case.RecordNewBreaches(Evaluator, admitted.AddHours(30)));

        var report = Assert.Single(DeviationReports.For(@case, Evaluator, admitted.AddHours(31)));

        Assert.Equal($"case-1/{breach.Sequence}", report.DeviationId);
        Assert.Equal(("20", "20-slv-falun-med", "2080"), (report.ResponsibleOrganisation, report.ResponsibleUnit, report.ReportingOrganisation));
        Assert.Equal(admitted.AddHours(24), report.DueAt);
        Assert.Equal(admitted.AddHours(30), report.MetAt);
        Assert.StartsWith("Inskrivningsmeddelande skickades inte inom 24 timmar", report.Description);
        Assert.DoesNotContain("Tolvan", report.Description);
    }

    [Fact]
    public void An_overdue_deviation_has_no_met_time_until_the_deadline_is_met()
    {
        var @case = Admit(Sweden.At(2024, 3, 4, 8, 0));
        @case.Ready(Sweden.At(2024, 3, 11, 10, 0));
        @case.RecordNewBreaches(Evaluator, Sweden.At(2024, 3, 16, 0, 0));

        var open = Assert.Single(DeviationReports.For(@case, Evaluator, Sweden.At(2024, 3, 16, 0, 0)));
        Assert.Null(open.MetAt);

        @case.RecordSipInvitation("20-vc-2080", Sweden.At(2024, 3, 16, 9, 0), null, At(Sweden.At(2024, 3, 16, 9, 0), HealthCentre));
        var resolved = Assert.Single(DeviationReports.For(@case, Evaluator, Sweden.At(2024, 3, 16, 10, 0)));
        Assert.Equal(Sweden.At(2024, 3, 16, 9, 0), resolved.MetAt);
        Assert.Equal(DeadlineKind.SipInvitation, resolved.Kind);
    }
}
