using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Samverkan.Store;
using Samverkan.Store.Consumers;
using Samverkan.Store.Redis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

// builder.AddDocumentStore("discharge") wires a service to the Redis-protocol store (eShop/Aspire
// style: the connection comes from ConnectionStrings:store, which an AppHost injects as
// ConnectionStrings__store, in StackExchange.Redis format, e.g. "localhost:6379").
public static class DocumentStoreExtensions
{
    public const string ConnectionName = "store";
    public const string HealthCheckName = "store";

    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder, string keyspace) =>
        builder.AddDocumentStore(keyspace, configure: null);

    // Options come from the configuration section "Store" (DocumentStoreOptions), then configure.
    public static IHostApplicationBuilder AddDocumentStore(this IHostApplicationBuilder builder, string keyspace,
        Action<DocumentStoreOptions>? configure)
    {
        var store = new StoreKeyspace(keyspace);
        if (builder.Services.Any(d => d.ServiceType == typeof(StoreKeyspace)))
        {
            throw new InvalidOperationException("AddDocumentStore was already called: a service owns exactly one keyspace.");
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"The store connection string is missing. Set ConnectionStrings:{ConnectionName} (environment variable " +
                $"ConnectionStrings__{ConnectionName}, injected by the AppHost), e.g. \"localhost:6379\".");
        }
        var storeOptions = builder.Configuration.GetSection(DocumentStoreOptions.SectionName).Get<DocumentStoreOptions>()
            ?? new DocumentStoreOptions();
        configure?.Invoke(storeOptions);
        storeOptions.Validate();

        var options = ConfigurationOptions.Parse(connectionString);
        // Start even if the store is not up yet: /health reports it and the multiplexer reconnects.
        options.AbortOnConnectFail = false;
        options.ClientName ??= keyspace;

        builder.Services.AddSingleton(store);
        builder.Services.TryAddSingleton<IConnectionMultiplexer>(sp =>
        {
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            return ConnectionMultiplexer.Connect(options);
        });
        builder.Services.AddSingleton(storeOptions);
        // Created (and disposed, closing its commit connections) by the container.
        builder.Services.AddSingleton<IDocumentStore>(sp =>
            new RedisDocumentStore(sp.GetRequiredService<IConnectionMultiplexer>(), store, storeOptions));
        builder.Services.AddSingleton<ChannelWakeups>();
        builder.Services.AddSingleton<IChannelReader, RedisChannelReader>();
        builder.Services.AddSingleton<ChannelConsumers>();
        builder.Services.AddSingleton<ChannelTrimmer>();
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>(HealthCheckName, tags: ["ready"]);
        return builder;
    }

    // Feeds a channel (of any keyspace) to THandler in a background service; the position is kept in
    // this service's keyspace. Requires AddDocumentStore. See ChannelConsumerService for the guarantees.
    public static IHostApplicationBuilder AddChannelConsumer<THandler>(this IHostApplicationBuilder builder,
        ChannelAddress channel, string consumerName, Action<ChannelConsumerOptions>? configure = null)
        where THandler : class, IChannelHandler
    {
        var options = new ChannelConsumerOptions { Channel = channel, ConsumerName = consumerName };
        configure?.Invoke(options);
        // Validates the names now rather than at the first read.
        _ = new StoreKeyspace(channel.Service).ConsumerPosition(channel, consumerName);

        builder.Services.TryAddScoped<THandler>();
        builder.Services.AddSingleton<IHostedService>(sp =>
            ActivatorUtilities.CreateInstance<ChannelConsumerService<THandler>>(sp, options));
        return builder;
    }

    // Trims channels of this keyspace every interval, down to what every registered consumer has passed.
    public static IHostApplicationBuilder AddChannelTrimming(this IHostApplicationBuilder builder, TimeSpan interval, params string[] channels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        foreach (var channel in channels)
        {
            StoreNames.Segment(channel, "channel name");
        }
        builder.Services.AddSingleton<IHostedService>(sp =>
            ActivatorUtilities.CreateInstance<ChannelTrimmingService>(sp, (IReadOnlyList<string>)channels, interval));
        return builder;
    }
}
