using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Samverkan.Gateway.Proxy;

// YARP's outgoing handler plus the settings YARP's cluster config cannot express.
public sealed class GatewayForwarderHttpClientFactory(
    IOptionsMonitor<GatewayBackendOptions> options,
    ILogger<ForwarderHttpClientFactory> logger) : ForwarderHttpClientFactory(logger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        var backend = options.CurrentValue;
        handler.ConnectTimeout = backend.ConnectTimeout;
        handler.KeepAlivePingDelay = backend.KeepAlivePingDelay;
        handler.KeepAlivePingTimeout = backend.KeepAlivePingTimeout;
        handler.KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests;
    }
}
