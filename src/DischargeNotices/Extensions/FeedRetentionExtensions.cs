using Samverkan.DischargeNotices.Application.Retention;

namespace Microsoft.Extensions.Hosting;

// Retention of the per-organisation feeds behind SubscribeNotices (section "Discharge:FeedRetention").
public static class FeedRetentionExtensions
{
    public const string SectionName = "Discharge:FeedRetention";

    public static TBuilder AddNoticeFeedRetention<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddFeedRetention(SectionName);
        builder.Services.AddSingleton<FeedRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedRetention>());
        return builder;
    }
}
