using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Access;
using Samverkan.SipPlans.Application;
using Samverkan.SipPlans.Application.Access;
using Samverkan.SipPlans.Application.Auditing;
using Samverkan.SipPlans.Application.Commands;
using Samverkan.SipPlans.Application.Integration;
using Samverkan.SipPlans.Application.Persistence;
using Samverkan.SipPlans.Application.Queries;
using Samverkan.SipPlans.Application.Survey;
using Samverkan.SipPlans.Application.Telemetry;
using Samverkan.Store;

namespace Microsoft.Extensions.Hosting;

// Everything the SIP plans service adds on top of AddServiceCore: the unit directory, the plan
// pipeline and queries, the survey, and the consumer of the discharge service's integration events.
// Configuration: "Sip:UnitDirectoryPath", "Sip:Survey" (SurveyOptions), "Sip:Indicators" (PlanIndicatorOptions).
public static class SipPlansExtensions
{
    public static TBuilder AddSipPlans<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        services.AddOptions<SurveyOptions>().Bind(builder.Configuration.GetSection(SurveyOptions.SectionName))
            .Validate(o => o.MinimumCount >= 1, "Sip:Survey:MinimumCount must be at least 1.").ValidateOnStart();
        services.AddOptions<PlanIndicatorOptions>().Bind(builder.Configuration.GetSection(PlanIndicatorOptions.SectionName))
            .Validate(o => o.SuppressionThreshold >= 2, "Sip:Indicators:SuppressionThreshold must be at least 2.").ValidateOnStart();
        builder.AddUnitDirectory("Sip:UnitDirectoryPath");

        services.AddSingleton<ActingUnits>();
        services.AddSingleton<PlanAuthorization>();
        services.AddSingleton<PlanRepository>();
        services.AddSingleton<PlanIndexer>();
        services.AddSingleton<PlanAuditor>();
        services.AddSingleton<SipIntegrationEvents>();
        services.AddSingleton<PlanCommandPipeline>();
        services.AddSingleton<PlanCommands>();
        services.AddSingleton<PlanQueries>();
        services.AddSingleton<PlanIndicatorQueries>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<PlanStateCensus>();
        services.AddHostedService(sp => sp.GetRequiredService<PlanStateCensus>());

        // One entry per batch: the plan, the case link and the position commit together.
        builder.AddChannelConsumer<DischargeEventsHandler>(new ChannelAddress(SipStore.DischargeKeyspace, SipStore.EventsChannel),
            SipStore.DischargeEventsConsumer, o => o.BatchSize = 1);
        // The access-log service consumes the audit channel; what it has chained is trimmed here.
        builder.AddChannelTrimming(TimeSpan.FromMinutes(1), Samverkan.AccessLogging.AccessLogChannel.Name);
        return builder;
    }
}
