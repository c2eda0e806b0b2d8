using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Application.Retention;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.Store;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Feed retention on a real store: old feed entries go, new ones stay, a subscriber behind the
// retained feed is told to resync, and the cases themselves are untouched.
public sealed class FeedRetentionTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);

    [StoreFact]
    public async Task Entries_older_than_the_retention_are_trimmed_and_newer_ones_kept()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var old = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);
        app.Time.Advance(TimeSpan.FromDays(20));
        var recent = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(),
            Requests.Admission(app.Time.GetUtcNow().AddHours(-1)), default);
        var falun = new ChannelAddress(app.Keyspace, "feed-2080");

        Assert.Equal(0, await app.FeedRetention.TrimAsync(default)); // 20 days: everything is within the 30 days
        app.Time.Advance(TimeSpan.FromDays(11));
        var removed = await app.FeedRetention.TrimAsync(default);

        Assert.True(removed >= 2, $"removed {removed}"); // Falun's two entries, plus the region's copy for its health centre
        var kept = await app.Channels.ReadAsync(falun, 2, 100);
        Assert.Equal([3L, 4L], kept.Select(e => e.Position));
        Assert.All(kept, e => Assert.Equal(recent.Case.Id, Samverkan.DischargeNotices.Application.Persistence.NoticeFeed.Deserialize(e.Payload).CaseId));
        Assert.Equal(3, (await Assert.ThrowsAsync<ChannelTrimmedException>(() => app.Channels.ReadAsync(falun, 0, 100))).OldestAvailable);
        Assert.Equal(0, await app.FeedRetention.TrimAsync(default)); // a second pass (or replica) removes nothing more

        // Only the feed entries went: the old case and its notices are still there for the resync.
        Assert.Equal(old.Case.Id, (await app.Queries.GetCaseAsync(FalunSystem, old.Case.Id, default)).Case.Id);
        var inbox = await app.Queries.ListInboxAsync(FalunSystem, null, false, 0, null, default);
        Assert.Equal(4, inbox.Items.Count);
        Assert.Contains(inbox.Items, i => i.Case.Id == old.Case.Id);
    }

    [StoreFact]
    public void A_retention_below_one_day_is_refused_as_a_likely_unit_slip()
    {
        using var app = DischargeApp.Start(store.Server, Now, new Dictionary<string, string?> { ["Discharge:FeedRetention:Retention"] = "00:30:00" });

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<FeedRetentionOptions>>().Value);
        Assert.Contains("Discharge:FeedRetention", refused.Message);
    }

    [StoreFact]
    public async Task A_subscriber_resuming_from_a_trimmed_position_is_told_where_to_resume_and_gets_the_rest_from_there()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-1)), default);
        var stored = (await SubscriptionProbe.ReceiveAsync(app, FalunSystem, 0, notices: 2))[^1].Position; // the subscriber's last position: 2
        app.Time.Advance(TimeSpan.FromDays(29));
        var recent = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(),
            Requests.Admission(app.Time.GetUtcNow().AddHours(-1)), default);
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.FeedRetention.TrimAsync(default);

        // Position 2 is still a valid resume point (entries after it are all retained) ...
        var resumed = await SubscriptionProbe.ReceiveAsync(app, FalunSystem, stored, notices: 2);
        Assert.Equal([3L, 4L], resumed.Select(d => d.Position));
        // ... but a subscriber that never got past position 1 has lost entry 2 and must resync.
        var refused = await Assert.ThrowsAsync<FeedPositionTrimmedException>(() =>
            app.Subscription.RunAsync(FalunSystem, null, 1, _ => Task.CompletedTask, default));

        Assert.Equal(3, refused.OldestAvailable);
        Assert.Equal(2, refused.ResumeAfter);
        Assert.Contains("ListInbox", refused.Message);
        Assert.Contains("after_position 2", refused.Message);
        var fromResumePoint = await SubscriptionProbe.ReceiveAsync(app, FalunSystem, refused.ResumeAfter, notices: 2);
        Assert.All(fromResumePoint, d => Assert.Equal(recent.Case.Id, d.Item!.Case.Id));
    }
}
