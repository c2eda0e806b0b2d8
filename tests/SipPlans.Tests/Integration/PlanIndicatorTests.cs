using Grpc.Core;
using Samverkan.Contracts.Common.V1;
using Samverkan.Contracts.Sip.V1;
using Samverkan.SharedKernel.Time;
using static Samverkan.SipPlans.Tests.Integration.SipRequests;

namespace Samverkan.SipPlans.Tests.Integration;

// GetPlanIndicators through the gateway with real tokens: only analysts get figures, and they
// count the plans created here. Mora (2062) initiates plans in no other test of this platform.
[Collection(SipPlatformCollection.Name)]
public sealed class PlanIndicatorTests(SipPlatform platform)
{
    private Samverkan.Contracts.Sip.V1.SipPlans.SipPlansClient Client => platform.Client;

    [Theory]
    [InlineData("erik.berg")]     // sip-participant
    [InlineData("lars.vik")]      // administrator
    public async Task Callers_without_the_analyst_role_are_denied(string username)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetPlanIndicatorsAsync(Request(), await platform.AsUserAsync(username)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task The_analyst_gets_the_plans_by_state_created_in_the_test()
    {
        var erik = await platform.AsUserAsync("erik.berg");
        for (var i = 0; i < 5; i++) await Client.InitiatePlanAsync(Initiate(), erik);

        var request = Request();
        request.MunicipalityCodes.Add("2062");
        var indicators = await Client.GetPlanIndicatorsAsync(request, await platform.AsUserAsync("ingrid.wall"));

        var mora = Assert.Single(indicators.Municipalities);
        Assert.Equal(("2062", "Mora kommun"), (mora.Municipality.Code, mora.Name));
        Assert.Equal(new PublishedCount { Value = 5 }, mora.Plans);
        Assert.Equal(new PublishedCount { Value = 5 }, mora.ByState.Single(s => s.State == PlanState.NeedIdentified).Plans);
        Assert.Equal(new PublishedCount { Value = 0 }, mora.ByState.Single(s => s.State == PlanState.Agreed).Plans);
        Assert.Equal(new PublishedCount { Value = 0 }, mora.Overdue);
        Assert.Equal(5, indicators.SuppressionThreshold);
    }

    [Fact]
    public async Task A_period_of_more_than_twelve_months_is_invalid_argument()
    {
        var request = new GetPlanIndicatorsRequest { Period = new MonthPeriod { FromYear = 2020, FromMonth = 1, ToYear = 2021, ToMonth = 1 } };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetPlanIndicatorsAsync(request, await platform.AsUserAsync("ingrid.wall")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("12 months", error.Status.Detail);
    }

    // The previous and the current Swedish month (a run across a month's end still sees its plans).
    private static GetPlanIndicatorsRequest Request()
    {
        var today = SwedishCalendar.DateOf(DateTimeOffset.UtcNow);
        var previous = today.AddMonths(-1);
        return new GetPlanIndicatorsRequest
        {
            Period = new MonthPeriod { FromYear = previous.Year, FromMonth = previous.Month, ToYear = today.Year, ToMonth = today.Month },
        };
    }
}
