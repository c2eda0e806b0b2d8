using Samverkan.SharedKernel.Rules;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.SharedKernel.Tests.Statistics;

public class MonthPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void A_year_ending_this_month_is_twelve_months_in_order()
    {
        var period = MonthPeriod.Of(2026, 1, 2026, 12, Today);

        Assert.Equal(12, period.MonthCount);
        Assert.Equal(new DateOnly(2026, 1, 1), period.Months.First());
        Assert.Equal(new DateOnly(2026, 12, 1), period.Months.Last());
        // Swedish local midnight: 1 Jan 2026 00:00 CET = 31 Dec 2025 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), period.Start);
    }

    [Theory]
    [InlineData(2025, 12, 2026, 12, "at most 12 months")]
    [InlineData(2017, 12, 2018, 1, "before January 2018")]
    [InlineData(2026, 11, 2027, 1, "after the current month")]
    [InlineData(2026, 5, 2026, 4, "end before it starts")]
    [InlineData(2026, 13, 2026, 12, "month 1-12")]
    [InlineData(0, 0, 0, 0, "month 1-12")]
    public void A_period_outside_the_bounds_is_invalid_naming_the_period(int fy, int fm, int ty, int tm, string reason)
    {
        var refusal = Assert.Throws<RuleViolation>(() => MonthPeriod.Of(fy, fm, ty, tm, Today));

        Assert.Equal(ViolationKind.InvalidArgument, refusal.Kind);
        Assert.Equal("period", refusal.Field);
        Assert.Contains(reason, refusal.Message);
    }
}
