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
            .Validate(o => o.FutureTolerance >= TimeSpan.Zero && o.SubscriptionHeartbeat > TimeSpan.Zero && o.DeadlineMonitorInterval > TimeSpan.Zero,
                "Discharge: FutureTolerance must not be negative; SubscriptionHeartbeat and DeadlineMonitorInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<PaymentResponsibilityOptions>()
            .Bind(builder.Configuration.GetSection(PaymentResponsibilityOptions.SectionName));
        builder.AddCommandPipeline();

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp => UnitDirectoryJson.Load(UnitDirectoryPath(sp.GetRequiredService<IOptions<DischargeOptions>>().Value, contentRoot)));
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
        services.AddSingleton<NoticeSubscription>();

        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineMonitor>());
        builder.AddNoticeFeedRetention();

        // The access-log service consumes (and registers on) the audit channel; what it has chained
        // is trimmed here, so the service's own copy does not grow for the five years of retention.
        builder.AddChannelTrimming(TimeSpan.FromMinutes(1), Samverkan.AccessLogging.AccessLogChannel.Name);
        return builder;
    }

    // Configured path (absolute, or relative to the content root), else the copy of
    // deploy/directory/units.json the build puts next to the binaries.
    private static string UnitDirectoryPath(DischargeOptions options, string contentRoot)
    {
        var path = string.IsNullOrWhiteSpace(options.UnitDirectoryPath)
            ? Path.Combine(AppContext.BaseDirectory, "directory", "units.json")
            : Path.GetFullPath(options.UnitDirectoryPath, contentRoot);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The unit directory was not found at {path} (Discharge:UnitDirectoryPath).", path);
    }
}
