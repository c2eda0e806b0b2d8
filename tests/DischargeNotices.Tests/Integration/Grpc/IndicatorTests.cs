using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.SharedKernel.Time;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// GetDischargeIndicators through the gateway with real tokens: only the analyst role gets figures,
// and the figures are those of the cases this test creates. Älvdalen (2039) and Orsa (2034) are
// used by no other test of this platform, so their counts are exactly this test's cases.
[Collection(DischargePlatformCollection.Name)]
public sealed class IndicatorTests(DischargePlatform platform)
{
    private Samverkan.Contracts.Discharge.V1.DischargeNotices.DischargeNoticesClient Client => platform.Client;

    [Theory]
    [InlineData("karin.nyberg")]   // discharge-sender
    [InlineData("anna.lind")]      // discharge-receiver
    [InlineData("eva.strom")]      // auditor
    public async Task Callers_without_the_analyst_role_are_denied(string username)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetDischargeIndicatorsAsync(Request(), await platform.AsUserAsync(username)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("analyst", error.Status.Detail);
    }

    [Fact]
    public async Task The_analyst_gets_the_figures_of_the_cases_created_with_small_counts_suppressed()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        // Six Älvdalen residents, admitted an hour ago (notice now: within 24 h), five of them ready.
        for (var i = 0; i < 6; i++)
        {
            var sent = await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), municipality: "2039"), karin);
            if (i < 5)
            {
                await Client.NotifyReadyForDischargeAsync(new NotifyReadyForDischargeRequest
                {
                    RequestId = NewId(), CaseId = sent.Accepted.CaseId, JudgedReadyAt = At(DateTimeOffset.UtcNow.AddMinutes(-1)),
                }, karin);
            }
        }
        // Four Orsa residents: too few to publish.
        for (var i = 0; i < 4; i++)
        {
            await Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), municipality: "2034"), karin);
        }

        var request = Request("2039", "2034");
        var indicators = await Client.GetDischargeIndicatorsAsync(request, await platform.AsUserAsync("ingrid.wall"));

        Assert.Equal(5, indicators.SuppressionThreshold);
        Assert.Equal(["2039", "2034"], indicators.Municipalities.Select(m => m.Municipality.Code));
        var alvdalen = indicators.Municipalities[0];
        Assert.Equal("Älvdalens kommun", alvdalen.Name);
        Assert.Equal(2, alvdalen.Months.Count);
        Assert.Equal(new PublishedCount { Value = 6 }, alvdalen.Period.Cases);
        Assert.Equal(new PublishedCount { Value = 6 }, alvdalen.Period.StillOpen);
        var admission = alvdalen.Period.Deadlines.Single(d => d.Kind == DeadlineKind.AdmissionNotice);
        Assert.Equal((6, 6, 0), (admission.Decided.Value, admission.Met.Value, admission.NotMet.Value));
        Assert.Equal(100.0, admission.MetPercent);
        // Ready since today: no whole ready day yet (today is not over), five cases.
        Assert.Equal(new PublishedCount { Value = 5 }, alvdalen.Period.ReadyDays.Cases);
        Assert.Equal(0, alvdalen.Period.ReadyDays.TotalDays);
        Assert.Equal(0.0, alvdalen.Period.ReadyDays.MedianDays);
        // The SIP invitations are due in three days: pending, not decided.
        var sip = alvdalen.Period.Deadlines.Single(d => d.Kind == DeadlineKind.SipInvitation);
        Assert.Equal((0, 5), (sip.Decided.Value, sip.Pending.Value));
        Assert.False(sip.HasMetPercent);

        var orsa = indicators.Municipalities[1];
        Assert.Equal(new PublishedCount { Suppressed = true }, orsa.Period.Cases);
        Assert.All(orsa.Period.Deadlines, d => Assert.False(d.HasMetPercent));
        Assert.Equal(new PublishedCount { Value = 10 }, indicators.Total.Cases);
    }

    [Theory]
    [InlineData(2017, 12, 2018, 1)]
    [InlineData(2020, 1, 2021, 6)]
    public async Task A_period_outside_its_bounds_is_invalid_argument_naming_the_period(int fy, int fm, int ty, int tm)
    {
        var request = new GetDischargeIndicatorsRequest { Period = new MonthPeriod { FromYear = fy, FromMonth = fm, ToYear = ty, ToMonth = tm } };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetDischargeIndicatorsAsync(request, await platform.AsUserAsync("ingrid.wall")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("period", error.Status.Detail);
    }

    [Fact]
    public async Task An_unknown_municipality_is_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetDischargeIndicatorsAsync(Request("9999"), await platform.AsUserAsync("ingrid.wall")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    // The previous and the current Swedish month, so a test running across midnight at a month's end still sees its cases.
    private static GetDischargeIndicatorsRequest Request(params string[] municipalities)
    {
        var today = SwedishCalendar.DateOf(DateTimeOffset.UtcNow);
        var previous = today.AddMonths(-1);
        var request = new GetDischargeIndicatorsRequest
        {
            Period = new MonthPeriod { FromYear = previous.Year, FromMonth = previous.Month, ToYear = today.Year, ToMonth = today.Month },
        };
        request.MunicipalityCodes.AddRange(municipalities);
        return request;
    }
}
