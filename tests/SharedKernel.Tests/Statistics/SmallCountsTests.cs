using FsCheck;
using FsCheck.Xunit;
using Samverkan.SharedKernel.Statistics;

namespace Samverkan.SharedKernel.Tests.Statistics;

public class SmallCountsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Counts_from_one_to_below_the_threshold_are_suppressed(int count, bool suppressed)
    {
        var published = SmallCounts.Single(count, threshold: 5);
        Assert.Equal(suppressed, published.Suppressed);
        Assert.Equal(suppressed ? 0 : count, published.Value);
    }

    [Fact]
    public void A_lone_suppressed_cell_takes_the_smallest_other_cell_with_it_when_the_total_is_published()
    {
        var cells = SmallCounts.Table([12, 3, 0, 7, 9], threshold: 5, totalPublished: true);
        Assert.Equal([false, true, false, true, false], cells.Select(c => c.Suppressed));
        Assert.Equal(0, cells[2].Value);
    }

    [Fact]
    public void Without_a_published_total_only_small_cells_are_suppressed()
    {
        var cells = SmallCounts.Table([12, 3, 0, 7], threshold: 5, totalPublished: false);
        Assert.Equal([false, true, false, false], cells.Select(c => c.Suppressed));
    }

    // Whatever the table: no small count is shown, and a suppressed cell can never be recovered as
    // "total minus the shown cells" (at least two cells are hidden whenever one is).
    [Property(MaxTest = 500)]
    public bool No_small_count_is_shown_nor_recoverable_from_the_total(NonNegativeInt[] raw)
    {
        var cells = raw.Select(c => c.Get % 30).ToList();
        var published = SmallCounts.Table(cells, threshold: 5, totalPublished: true);
        var noSmallShown = published.All(p => p.Suppressed || p.Value == 0 || p.Value >= 5);
        var hidden = published.Count(p => p.Suppressed);
        var hiddenNonZero = cells.Where((c, i) => published[i].Suppressed && c > 0).Count();
        var notRecoverable = hidden == 0 || hiddenNonZero >= 2 || cells.Count(c => c > 0) == 1;
        return noSmallShown && notRecoverable;
    }
}
