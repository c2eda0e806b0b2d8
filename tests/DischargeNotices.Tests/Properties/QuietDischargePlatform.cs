using Samverkan.DischargeNotices.Tests.Integration.Grpc;

namespace Samverkan.DischargeNotices.Tests.Properties;

// The real platform (store, identity server, service, gateway) with nothing writing to the store
// except the calls under test: the deadline monitor and feed retention passes are an hour apart,
// so a snapshot before and after a refused call sees only what that call did. The gateway's
// per-client rate limit is lifted: hundreds of generated calls from one caller must reach the
// service (a 429 would make every property trivially "precise").
public sealed class QuietDischargePlatform : DischargePlatform
{
    protected override void ConfigureService(IDictionary<string, string?> environment)
    {
        environment["Discharge__DeadlineMonitorInterval"] = "01:00:00";
        environment["Discharge__FeedRetention__Interval"] = "01:00:00";
    }

    protected override void ConfigureGateway(IDictionary<string, string?> environment)
    {
        environment["Gateway__RateLimiting__PerClient__TokenLimit"] = "1000000";
        environment["Gateway__RateLimiting__PerClient__TokensPerPeriod"] = "1000000";
        environment["Gateway__RateLimiting__PerIp__TokenLimit"] = "1000000";
        environment["Gateway__RateLimiting__PerIp__TokensPerPeriod"] = "1000000";
    }
}

[CollectionDefinition(Name)]
public sealed class QuietDischargePlatformCollection : ICollectionFixture<QuietDischargePlatform>
{
    public const string Name = "discharge-platform-quiet";
}
