using Microsoft.Extensions.Options;
using Samverkan.DischargeNotices.Application;
using Samverkan.DischargeNotices.Application.Access;
using Samverkan.DischargeNotices.Application.Auditing;
using Samverkan.DischargeNotices.Application.Commands;
using Samverkan.DischargeNotices.Application.Configuration;
using Samverkan.DischargeNotices.Application.Integration;
using Samverkan.DischargeNotices.Application.Persistence;
using Samverkan.DischargeNotices.Application.Queries;
using Samverkan.DischargeNotices.Application.Telemetry;
using Samverkan.ServiceCore.Errors;
using Samverkan.SharedKernel.Directory;

namespace Microsoft.Extensions.Hosting;

// Everything the discharge notices service adds on top of ServiceCore (store, access logging,
// authentication and the error interceptor are registered by AddServiceCore in Program.cs). Configuration: sections "Discharge"
// (DischargeOptions) and "PaymentResponsibility" (PaymentResponsibilityOptions).
public static class DischargeNoticesExtensions
{
    public static TBuilder AddDischargeNotices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<DischargeOptions>()
            .Bind(builder.Configuration.GetSection(DischargeOptions.SectionName))
            .Validate(o => o.FutureTolerance >= TimeSpan.Zero && o.SubscriptionHeartbeat > TimeSpan.Zero && o.DeadlineMonitorInterval > TimeSpan.Zero
                && o.Indicators.SuppressionThreshold >= 2,
                "Discharge: FutureTolerance must not be negative; SubscriptionHeartbeat and DeadlineMonitorInterval must be positive; Indicators:SuppressionThreshold at least 2.")
            .ValidateOnStart();
        services.AddOptions<PaymentResponsibilityOptions>()
            .Bind(builder.Configuration.GetSection(PaymentResponsibilityOptions.SectionName));
        builder.AddCommandPipeline();

        builder.AddUnitDirectory($"{DischargeOptions.SectionName}:{nameof(DischargeOptions.UnitDirectoryPath)}");
        services.AddSingleton(sp => new DeadlineEvaluator(sp.GetRequiredService<IOptions<DischargeOptions>>().Value.Deadlines));
        services.AddSingleton<RecipientRouter>();
        services.AddSingleton<CaseAccess>();

        services.AddSingleton<CaseRepository>();
        services.AddSingleton<CaseIndexer>();
        services.AddSingleton<CaseAuditor>();
        services.AddSingleton<SipIntegrationEvents>();
        services.AddSingleton<DischargeMetrics>();
        services.AddSingleton<IRejectionObserver>(sp => sp.GetRequiredService<DischargeMetrics>());

        services.AddSingleton<CaseCommandPipeline>();
        services.AddSingleton<CaseCommands>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<FollowUpQueries>();
        services.AddSingleton<IndicatorQueries>();
        services.AddSingleton<NoticeSubscription>();

        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineMonitor>());
        builder.AddNoticeFeedRetention();

        // The access-log service consumes (and registers on) the audit channel; what it has chained
        // is trimmed here, so the service's own copy does not grow for the five years of retention.
        builder.AddChannelTrimming(TimeSpan.FromMinutes(1), Samverkan.AccessLogging.AccessLogChannel.Name);
        // The SIP invitation is recorded in the SIP plans service; its SipInvitationSent meets the case's deadline.
        builder.AddChannelConsumer<SipInvitationsHandler>(new Samverkan.Store.ChannelAddress("sip", "events"), "discharge-notices", o => o.BatchSize = 1);
        return builder;
    }
}
