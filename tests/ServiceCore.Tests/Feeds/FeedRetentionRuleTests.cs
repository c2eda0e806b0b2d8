using Microsoft.Extensions.Time.Testing;
using Samverkan.ServiceCore.Feeds;

namespace Samverkan.ServiceCore.Tests.Feeds;

// Which prefix of a feed may be trimmed: by age (Retention) and by length (MaxEntries).
public sealed class FeedRetentionRuleTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static (FeedRetentionRule Rule, FakeTimeProvider Time) Rule(int retentionDays = 30, long maxEntries = 1000)
    {
        var time = new FakeTimeProvider(Start);
        return (new FeedRetentionRule(new FeedRetentionOptions { Retention = TimeSpan.FromDays(retentionDays), MaxEntries = maxEntries }, time), time);
    }

    // Offers the entries oldest first, as FeedRetention does, until the scan says stop.
    private static FeedTrimScan Scan(FeedRetentionRule rule, params (long Position, DateTimeOffset? SentAt)[] entries)
    {
        var scan = rule.Begin(entries.Length == 0 ? 0 : entries[^1].Position);
        foreach (var (position, sentAt) in entries.Where(e => e.Position > scan.ReadAfter))
        {
            if (!scan.Offer(position, sentAt)) break;
        }
        return scan;
    }

    [Fact]
    public void Entries_older_than_the_retention_go_and_the_rest_stay()
    {
        var (rule, time) = Rule(retentionDays: 30);
        time.Advance(TimeSpan.FromDays(40));

        var scan = Scan(rule, (1, Start), (2, Start.AddDays(5)), (3, Start.AddDays(11)), (4, Start.AddDays(39)));

        Assert.Equal(2, scan.TrimThrough);
        Assert.True(scan.IsComplete);
        Assert.False(scan.LengthBoundApplies);
    }

    [Fact]
    public void An_entry_exactly_at_the_retention_is_kept()
    {
        var (rule, time) = Rule(retentionDays: 30);
        time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, Scan(rule, (1, Start), (2, Start.AddDays(1))).TrimThrough);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Scan(rule, (1, Start), (2, Start.AddDays(1))).TrimThrough);
    }

    [Fact]
    public void As_the_clock_moves_on_more_of_the_same_feed_goes()
    {
        var (rule, time) = Rule(retentionDays: 30);
        (long, DateTimeOffset?)[] feed = [(1, Start), (2, Start.AddDays(10)), (3, Start.AddDays(20))];

        Assert.Equal(0, Scan(rule, feed).TrimThrough);
        time.Advance(TimeSpan.FromDays(35));
        Assert.Equal(1, Scan(rule, feed).TrimThrough);
        time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(3, Scan(rule, feed).TrimThrough);
    }

    [Fact]
    public void Nothing_after_the_first_young_entry_goes_even_if_a_later_one_looks_older()
    {
        var (rule, time) = Rule(retentionDays: 30);
        time.Advance(TimeSpan.FromDays(31));

        // Entry 3 was stamped by an instance whose clock was behind: it must not open a gap.
        var scan = Scan(rule, (1, Start), (2, Start.AddDays(2)), (3, Start.AddHours(1)), (4, Start.AddDays(3)));

        Assert.Equal(1, scan.TrimThrough);
    }

    [Fact]
    public void Undated_entries_from_before_the_upgrade_go_with_the_dated_old_entries_after_them()
    {
        var (rule, time) = Rule(retentionDays: 30);
        time.Advance(TimeSpan.FromDays(31));

        var oldAfterLegacy = Scan(rule, (1, null), (2, null), (3, Start), (4, Start.AddDays(10)));
        var youngAfterLegacy = Scan(rule, (1, null), (2, null), (3, Start.AddDays(10)));
        var onlyLegacy = Scan(rule, (1, null), (2, null));

        Assert.Equal(3, oldAfterLegacy.TrimThrough);
        Assert.Equal(0, youngAfterLegacy.TrimThrough);
        Assert.Equal(0, onlyLegacy.TrimThrough);
        Assert.False(onlyLegacy.IsComplete);
    }

    [Fact]
    public void A_feed_longer_than_the_bound_loses_its_oldest_entries_whatever_their_age()
    {
        var (rule, _) = Rule(retentionDays: 30, maxEntries: 3);
        var feed = Enumerable.Range(1, 5).Select(i => ((long)i, (DateTimeOffset?)Start)).ToArray();

        var scan = Scan(rule, feed);

        Assert.Equal(2, scan.ReadAfter);
        Assert.Equal(2, scan.TrimThrough);
        Assert.True(scan.LengthBoundApplies);
    }

    [Fact]
    public void Defaults_are_thirty_days_and_two_hundred_thousand_entries()
    {
        var options = new FeedRetentionOptions();

        Assert.Equal(TimeSpan.FromDays(30), options.Retention);
        Assert.Equal(200_000, options.MaxEntries);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Interval);
    }
}
