using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverkan.Identity.Tests.Probe;
using Samverkan.TestSupport.Identity;
using Empty = Google.Protobuf.WellKnownTypes.Empty;

namespace Samverkan.Identity.Tests.Support;

// A service composed exactly like the platform's four (ServiceDefaults, gRPC defaults and the one
// Keycloak line, the Keycloak section a service's appsettings.json carries), on real Kestrel over
// HTTP/2 on a free port, with one authenticated test RPC. The platform services have no RPCs yet.
public sealed class ProbeServiceHost : IAsyncDisposable
{
    public const string Audience = "sip-plans";

    private readonly WebApplication _app;

    private ProbeServiceHost(WebApplication app, Uri address)
    {
        _app = app;
        Channel = GrpcChannel.ForAddress(address);
        Client = new AuthenticationProbe.AuthenticationProbeClient(Channel);
    }

    public GrpcChannel Channel { get; }

    public AuthenticationProbe.AuthenticationProbeClient Client { get; }

    public static async Task<ProbeServiceHost> StartAsync(IdentityServer identity, string audience = Audience)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Keycloak:realm"] = IdentityServer.Realm,
            ["Keycloak:auth-server-url"] = identity.AuthServerUrl,
            ["Keycloak:ssl-required"] = "none",
            ["Keycloak:resource"] = audience,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));

        builder.AddServiceDefaults();
        builder.AddGrpcServiceDefaults();
        builder.AddKeycloakWebApiAuthentication();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGrpcServiceDefaults();
        app.MapGrpcService<AuthenticationProbeService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProbeServiceHost(app, new Uri(address));
    }

    public async Task<Caller> WhoAmIAsync(string? accessToken)
    {
        var headers = new Metadata();
        if (accessToken is not null) headers.Add("authorization", "Bearer " + accessToken);
        return await Client.WhoAmIAsync(new Empty(), headers);
    }

    public async Task<RpcException> RejectionAsync(string? accessToken) =>
        await Assert.ThrowsAsync<RpcException>(() => WhoAmIAsync(accessToken));

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
