using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Samverkan.Portal.Gateway;

// One HTTP/2 (h2c) channel to the gateway's gRPC endpoint, shared by every circuit; each call
// carries its own user's token (GatewayCalls). Not an HttpClientFactory client on purpose: the
// standard resilience handler's timeouts would cut the long-lived notice stream.
public sealed class GatewayChannel : IDisposable
{
    public GatewayChannel(IConfiguration configuration, IOptions<PortalOptions> options)
    {
        // Aspire's service discovery variable for the gateway's "grpc" endpoint wins over the default.
        var address = configuration["services:gateway:grpc:0"] ?? options.Value.GatewayGrpcUrl
            ?? throw new InvalidOperationException("Set services__gateway__grpc__0 or Portal__GatewayGrpcUrl to the gateway's gRPC address.");
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            },
        });
    }

    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();
}
