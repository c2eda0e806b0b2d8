using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grpc.Core;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Tests.Integration.Grpc;
using Samverkan.Store;
using Samverkan.Store.Consumers;
using StackExchange.Redis;
using static Samverkan.DischargeNotices.Tests.Integration.Json.JsonRequests;

namespace Samverkan.DischargeNotices.Tests.Integration.Json;

// SubscribeNotices over HTTP/JSON: one long GET whose response body is newline-delimited JSON,
// one NoticeDelivery object per line (heartbeats included), through the gateway's own route
// for it, which has no route timeout.
[Collection(DischargePlatformCollection.Name)]
public sealed class JsonSubscriptionTests(DischargePlatform platform)
{
    [Fact]
    public async Task A_system_follows_its_notices_as_json_lines_longer_than_the_unary_route_timeout()
    {
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var falun = platform.CreateJsonClient(await platform.SystemTokenAsync("falun"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var stayedOpen = DischargePlatform.JsonRouteTimeout + TimeSpan.FromSeconds(3);

        // From the start of the retained feed, for Falun's social services only.
        using var response = await falun.GetAsync("/api/discharge/v1/notices:subscribe?afterPosition=0&unit.id=2080-soc",
            HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var lines = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var opened = Stopwatch.StartNew();

        using var sent = await karin.PostAsJsonAsync("/api/discharge/v1/cases", Admission(DateTimeOffset.UtcNow.AddHours(-1)), cancel.Token);
        var caseId = (string)(await BodyAsync(sent))["accepted"]!["caseId"]!;

        var deliveries = new List<JsonObject>();
        while (opened.Elapsed < stayedOpen || !deliveries.Any(d => (string?)d["notice"]?["caseId"] == caseId))
        {
            var line = await lines.ReadLineAsync(cancel.Token);
            Assert.True(line is not null, $"The stream ended after {opened.Elapsed}.");
            if (line.Length > 0) deliveries.Add(JsonNode.Parse(line)!.AsObject());
        }

        var mine = Assert.Single(deliveries, d => (string?)d["notice"]?["caseId"] == caseId)["notice"]!;
        Assert.Equal(("NOTICE_KIND_ADMISSION", "2080-soc"), ((string)mine["kind"]!, (string)mine["addressee"]!["id"]!));
        Assert.Contains(deliveries, d => d["notice"] is null); // heartbeats keep quiet streams alive
        var positions = deliveries.Select(d => (long)d["position"]!).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task Resuming_from_a_trimmed_position_is_refused_before_the_stream_with_where_to_resume()
    {
        // Avesta's feed is used by no other test of the collection; it is trimmed directly in the store.
        const string avesta = "2084";
        using var karin = platform.CreateJsonClient(await platform.UserTokenAsync("karin.nyberg"));
        using var system = platform.CreateJsonClient(await platform.SystemTokenAsync("avesta"));
        var admission = Admission(DateTimeOffset.UtcNow.AddHours(-1));
        admission["residenceMunicipality"] = new JsonObject { ["code"] = avesta };
        using (var sent = await karin.PostAsJsonAsync("/api/discharge/v1/cases", admission)) Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(platform.Store.ConnectionString))
        {
            var trimmer = new ChannelTrimmer(connection, new StoreKeyspace(DischargeStore.Keyspace));
            Assert.True(await trimmer.TrimThroughAsync(DischargeStore.FeedChannel(avesta), long.MaxValue) >= 1);
        }

        using var refused = await system.GetAsync("/api/discharge/v1/notices:subscribe?afterPosition=0");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await BodyAsync(refused);
        Assert.Equal((int)StatusCode.FailedPrecondition, (int)body["code"]!);
        var info = body["details"]!.AsArray().Single(d => ((string)d!["@type"]!).EndsWith("google.rpc.ErrorInfo", StringComparison.Ordinal))!;
        Assert.Equal("FEED_POSITION_TRIMMED", (string)info["reason"]!);
        Assert.NotNull(info["metadata"]!["resume_after_position"]);
    }
}
