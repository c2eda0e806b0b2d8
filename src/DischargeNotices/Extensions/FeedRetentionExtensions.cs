using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application.Retention;

namespace Microsoft.Extensions.Hosting;

// Retention of the per-organisation feeds behind SubscribeNotices (section "Discharge:FeedRetention").
public static class FeedRetentionExtensions
{
    public static TBuilder AddFeedRetention<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<FeedRetentionOptions>()
            .Bind(builder.Configuration.GetSection(FeedRetentionOptions.SectionName))
            .Validate(o => o.Retention >= FeedRetentionOptions.MinimumRetention && o.MaxEntries >= 1 && o.Interval > TimeSpan.Zero,
                $"{FeedRetentionOptions.SectionName}: Retention must be at least {FeedRetentionOptions.MinimumRetention.TotalDays} day, " +
                "MaxEntries at least 1 and Interval positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new FeedRetentionRule(
            sp.GetRequiredService<IOptions<FeedRetentionOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<FeedRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedRetention>());
        return builder;
    }
}
