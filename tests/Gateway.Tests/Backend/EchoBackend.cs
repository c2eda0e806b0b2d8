using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Samverkan.Gateway.Tests.Backend;

// A real gRPC server on a free loopback h2c port, in the test process: the Echo service, and for
// any other gRPC path an Unimplemented answer that names this backend and the path, so routing
// tests can tell which backend a call reached.
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, BackendState state, Uri address)
    {
        _app = app;
        State = state;
        Address = address;
    }

    public BackendState State { get; }
    public Uri Address { get; }
    public string Name => State.Name;

    public static async Task<EchoBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));

        var state = new BackendState(name);
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc(options =>
        {
            options.IgnoreUnknownServices = true;
            options.MaxReceiveMessageSize = 16 * 1024 * 1024;
        });

        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        app.MapFallback(context =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "12";
            context.Response.Headers["grpc-message"] = $"backend {name} has no {context.Request.Path}";
            return Task.CompletedTask;
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new EchoBackend(app, state, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
