using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Samverkan.ServiceCore.Commands;
using Samverkan.ServiceCore.Errors;
using Samverkan.ServiceCore.Feeds;
using Samverkan.ServiceCore.Paging;
using Samverkan.Store;

namespace Microsoft.Extensions.Hosting;

// What every Samverkan domain service runs on, after builder.AddServiceDefaults():
//   builder.AddServiceCore("sip");   // keyspace {sip} in the store
// = gRPC defaults (health, reflection, unhandled-exception interceptor), token authentication,
//   the store (and its readiness check in /health and grpc.health.v1), access logging, the rule
//   violation interceptor, the command pipeline and index paging. Each part has its own adder for
//   hosts that need only that part (tests, workers).
public static class ServiceCoreExtensions
{
    public static TBuilder AddServiceCore<TBuilder>(this TBuilder builder, string keyspace) where TBuilder : IHostApplicationBuilder
    {
        builder.AddGrpcServiceDefaults();
        builder.AddKeycloakWebApiAuthentication();
        builder.AddDocumentStore(keyspace);
        builder.AddAccessLogging();
        builder.AddRuleViolationErrors();
        builder.AddCommandPipeline();
        return builder;
    }

    // RuleViolation (and the other known refusals) become gRPC statuses with google.rpc details in
    // every service of this host. Call after AddGrpcServiceDefaults so it runs inside its interceptor.
    public static TBuilder AddRuleViolationErrors<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc(options => options.Interceptors.Add<RuleViolationInterceptor>());
        return builder;
    }

    // CommandPipeline, IndexPager, FeedFollower and a TimeProvider. Requires AddDocumentStore.
    public static TBuilder AddCommandPipeline<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CommandPipeline>();
        builder.Services.TryAddSingleton<IndexPager>();
        builder.Services.TryAddSingleton<FeedFollower>();
        return builder;
    }

    // FeedRetentionOptions from 'sectionName' (validated at start), FeedRetentionRule and FeedTrimmer.
    // The service runs the trimmer over its feeds, e.g. in a PeriodicBackgroundService.
    public static TBuilder AddFeedRetention<TBuilder>(this TBuilder builder, string sectionName) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<FeedRetentionOptions>()
            .Bind(builder.Configuration.GetSection(sectionName))
            .Validate(o => o.Retention >= FeedRetentionOptions.MinimumRetention && o.MaxEntries >= 1 && o.Interval > TimeSpan.Zero,
                $"{sectionName}: Retention must be at least {FeedRetentionOptions.MinimumRetention.TotalDays} day, " +
                "MaxEntries at least 1 and Interval positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new FeedRetentionRule(
            sp.GetRequiredService<IOptions<FeedRetentionOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<FeedTrimmer>();
        return builder;
    }

    // HTTP/JSON for systems that cannot speak gRPC (the contract's google.api.http annotations).
    // Error bodies carry the google.rpc details the gRPC status carries; an Any can only be written
    // as JSON when its type is known, hence the registry.
    public static TBuilder AddGrpcJsonTranscoding<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddGrpc().AddJsonTranscoding(options =>
        {
            options.TypeRegistry = TypeRegistry.FromMessages(
                BadRequest.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor);
        });
        return builder;
    }
}
