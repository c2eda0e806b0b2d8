using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.Store;
using Samverkan.Store.Consumers;
using Samverkan.TestSupport.Store;

namespace Samverkan.Store.Tests;

// A service process in miniature: a host wired with AddDocumentStore exactly as a service's
// Program.cs does, against a real store server.
internal sealed class StoreHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StoreHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public IChannelReader Reader => Services.GetRequiredService<IChannelReader>();

    public ChannelTrimmer Trimmer => Services.GetRequiredService<ChannelTrimmer>();

    public ChannelConsumers Consumers => Services.GetRequiredService<ChannelConsumers>();

    public static StoreHost Create(StoreServer server, string keyspace, Action<HostApplicationBuilder>? configure = null,
        Action<DocumentStoreOptions>? store = null) =>
        Create(server.ConnectionString, keyspace, configure, store);

    public static StoreHost Create(string connectionString, string keyspace, Action<HostApplicationBuilder>? configure = null,
        Action<DocumentStoreOptions>? store = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:store"] = connectionString;
        builder.AddDocumentStore(keyspace, store);
        configure?.Invoke(builder);
        return new StoreHost(builder.Build());
    }

    public static string NewKeyspace(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    public Task StartAsync() => _host.StartAsync();

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            if (_host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
            else
            {
                _host.Dispose();
            }
        }
    }
}
