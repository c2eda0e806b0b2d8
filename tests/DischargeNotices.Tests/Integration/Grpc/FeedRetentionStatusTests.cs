using Google.Rpc;
using Grpc.Core;
using Samverkan.Contracts.Discharge.V1;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.Store;
using Samverkan.Store.Consumers;
using StackExchange.Redis;
using static Samverkan.DischargeNotices.Tests.Integration.Grpc.ProtoRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Grpc;

// What a municipal system sees over gRPC when it resumes from a position the feed no longer retains.
// The feed is trimmed directly in the service's store (the age rule itself is covered with a fake
// clock in FeedRetentionTests); Ludvika's feed is used by no other test of the collection.
[Collection(DischargePlatformCollection.Name)]
public sealed class FeedRetentionStatusTests(DischargePlatform platform)
{
    private const string Ludvika = "2085";

    [Fact]
    public async Task Resuming_from_a_trimmed_position_is_a_failed_precondition_naming_where_to_resume()
    {
        var karin = await platform.AsUserAsync("karin.nyberg");
        var ludvika = await platform.SystemTokenAsync("ludvika");
        var trimmedCase = (await platform.Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), municipality: Ludvika), karin)).Accepted.CaseId;
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(platform.Store.ConnectionString))
        {
            var trimmer = new ChannelTrimmer(connection, new StoreKeyspace(DischargeStore.Keyspace));
            Assert.True(await trimmer.TrimThroughAsync(DischargeStore.FeedChannel(Ludvika), long.MaxValue) >= 1);
        }

        using var call = platform.Client.SubscribeNotices(new SubscribeNoticesRequest { AfterPosition = 0 }, DischargePlatform.Bearer(ludvika));
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var status = refused.GetRpcStatus()!;
        var info = status.Details.Select(d => d.TryUnpack<ErrorInfo>(out var i) ? i : null).Single(i => i is not null)!;
        Assert.Equal("FEED_POSITION_TRIMMED", info.Reason);
        var resumeAfter = long.Parse(info.Metadata["resume_after_position"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(resumeAfter + 1, long.Parse(info.Metadata["oldest_available"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("ListInbox", status.Message);
        Assert.Contains($"after_position {resumeAfter}", status.Message);

        // Subscribing from the named position works and delivers what is sent from then on.
        var next = await platform.Client.SendAdmissionNoticeAsync(Admission(DateTimeOffset.UtcNow.AddHours(-1), municipality: Ludvika), karin);
        using var resumed = new FeedCollector(platform.Client, ludvika, resumeAfter, next.Accepted.CaseId);
        Assert.All(await resumed.WaitForAsync(1), d => Assert.True(d.Position > resumeAfter));
        // And the trimmed notice is still in the inbox, for the resync.
        var inbox = await platform.Client.ListInboxAsync(new ListInboxRequest(), DischargePlatform.Bearer(ludvika));
        Assert.Contains(inbox.Notices, n => n.CaseId == trimmedCase);
    }
}
