using Microsoft.Extensions.DependencyInjection.Extensions;
using Samverkan.AccessLog;
using Samverkan.AccessLog.Chain;
using Samverkan.AccessLog.Collection;
using Samverkan.SharedKernel.Directory;
using Samverkan.AccessLog.Extract;
using Samverkan.AccessLog.Review;
using Samverkan.AccessLogging;
using Samverkan.Store;

namespace Microsoft.Extensions.Hosting;

public static class AccessLogExtensions
{
    // The access log's own parts. Needs the {access-log} IDocumentStore and IChannelReader
    // (AddDocumentStore) and AddAccessLogging (the recorder for auditors' own accesses).
    public static TBuilder AddAccessLogServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<AccessLogOptions>()
            .Bind(builder.Configuration.GetSection(AccessLogOptions.SectionName))
            .Validate(o => o.Sources.Count > 0, "AccessLog:Sources must list the keyspaces whose audit channel is collected.")
            .Validate(o => o.RetentionYears >= 5, "AccessLog:RetentionYears must be at least 5 (PDL, HSLF-FS 2016:40).")
            .Validate(o => o.BatchSize is > 0 and <= 1000, "AccessLog:BatchSize must be between 1 and 1000.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => UnitDirectoryJson.Load(builder.Configuration["AccessLog:DirectoryPath"]
            ?? Path.Combine(AppContext.BaseDirectory, "directory", "units.json")));
        builder.Services.AddSingleton(sp => new PersonLogExtractWriter(sp.GetRequiredService<UnitDirectory>(), PersonLogExtractWriter.SwedishTime));

        builder.Services.AddSingleton<AccessLogMetrics>();
        builder.Services.AddSingleton<ChainStore>();
        builder.Services.AddSingleton<ChainVerification>();
        builder.Services.AddSingleton<AccessRecordCollector>();
        builder.Services.AddSingleton<AccessLogReader>();
        builder.Services.AddSingleton<ReviewStore>();
        builder.Services.AddSingleton<AuditorAccessRecorder>();

        builder.Services.AddHostedService<ChainHeadPublisher>();
        builder.AddAccessRecordCollection();
        return builder;
    }

    // One channel consumer per source keyspace (AccessLog:Sources), each on that keyspace's "audit"
    // channel; positions are kept in {access-log}. The access log's own audit channel (auditors'
    // reads) is trimmed once collected.
    private static void AddAccessRecordCollection(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AccessLogOptions.SectionName).Get<AccessLogOptions>() ?? new AccessLogOptions();
        foreach (var source in options.Sources.Distinct(StringComparer.Ordinal))
        {
            builder.AddChannelConsumer<AccessRecordBatchHandler>(new ChannelAddress(source, AccessLogChannel.Name), options.ConsumerName,
                consumer => consumer.BatchSize = options.BatchSize);
        }
        builder.AddChannelTrimming(options.OwnAuditTrimInterval, AccessLogChannel.Name);
    }
}
