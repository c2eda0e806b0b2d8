using Google.Protobuf;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Grpc.Mapping;
using Samverkan.DischargeNotices.Tests.Integration.Support;
using Samverkan.DischargeNotices.Tests.Support;
using Samverkan.TestSupport.Store;
using static Samverkan.DischargeNotices.Tests.Support.Callers;

namespace Samverkan.DischargeNotices.Tests.Integration.Application;

// Issue #16.2: an inbox page stays below 1 MiB encoded, whatever the notices hold: it ends early
// with a token, and the next page continues exactly where it ended.
public sealed class InboxPageSizeTests(StoreServerFixture store) : IClassFixture<StoreServerFixture>
{
    private static readonly DateTimeOffset Now = Sweden.At(2024, 3, 4, 10, 0);

    [StoreFact]
    public async Task A_page_of_large_notices_ends_below_the_budget_and_the_next_page_continues_without_gaps()
    {
        using var app = DischargeApp.Start(store.Server, Now);
        var opened = await app.Commands.SendAdmissionNoticeAsync(InpatientNurse, DischargeApp.NewKey(), Requests.Admission(Now.AddHours(-2)), default);
        // 40 information transfers of 10,000 three-byte characters: ~1.2 MB of notices for 2080-soc.
        for (var i = 0; i < 40; i++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await app.Commands.TransferInformationAsync(InpatientNurse, DischargeApp.NewKey(), opened.Case.Id, null, null, new string('€', 10_000), default);
        }
        Func<InboxItem, int> size = item => CaseMapper.ToNotice(item).CalculateSize();

        var first = await app.Queries.ListInboxAsync(FalunSocialWorker, null, false, 200, null, default, size);
        var second = await app.Queries.ListInboxAsync(FalunSocialWorker, null, false, 200, first.NextPageToken, default, size);

        Assert.True(first.Items.Sum(size) <= CaseQueries.MaxListResponseBytes, $"{first.Items.Sum(size)} bytes");
        Assert.NotEqual("", first.NextPageToken);
        Assert.InRange(first.Items.Count, 20, 40);
        var sequences = first.Items.Concat(second.Items).Select(i => i.Notice.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 41).Reverse(), sequences);
        Assert.Equal("", second.NextPageToken);
    }
}
