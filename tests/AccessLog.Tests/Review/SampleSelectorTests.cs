using Samverkan.AccessLog.Review;

namespace Samverkan.AccessLog.Tests.Review;

public sealed class SampleSelectorTests
{
    private static readonly long[] Population = Enumerable.Range(1, 5000).Select(i => (long)i * 3).ToArray();

    [Fact]
    public void The_same_seed_draws_the_same_sample_whatever_the_order_of_the_population()
    {
        var first = SampleSelector.Select(Population, seed: 20261120, size: 25);
        var again = SampleSelector.Select(Population.Reverse(), seed: 20261120, size: 25);

        Assert.Equal(25, first.Count);
        Assert.Equal(first, again);
        Assert.All(first, s => Assert.Contains(s, Population));
        Assert.Equal(first.Order(), first);
    }

    [Fact]
    public void Another_seed_draws_another_sample()
    {
        Assert.NotEqual(SampleSelector.Select(Population, 1, 25), SampleSelector.Select(Population, 2, 25));
    }

    [Fact]
    public void The_sample_of_a_grown_population_keeps_the_entries_that_still_rank_first()
    {
        // Entries chained later only displace sampled entries by ranking lower: an auditor who
        // passes as_of_sequence gets exactly the old sample; without it, most of it survives.
        var before = SampleSelector.Select(Population.Take(4000), 7, 25);
        var after = SampleSelector.Select(Population, 7, 25);
        Assert.Subset(before.ToHashSet(), after.Where(s => s <= Population[3999]).ToHashSet());
    }

    [Fact]
    public void A_population_smaller_than_the_sample_is_taken_whole()
    {
        Assert.Equal([3L, 6L, 9L], SampleSelector.Select([9, 3, 6, 3], 42, 10));
    }
}
