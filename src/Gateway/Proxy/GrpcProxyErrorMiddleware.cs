using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Samverkan.Gateway.Grpc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Samverkan.Gateway.Proxy;

// Proxy pipeline step: when the gateway itself could not complete a call (service unreachable,
// no instance, route timeout, request too large), a gRPC caller gets a gRPC status it can act on
// instead of a bare 4xx/5xx that its client would map to Unavailable or Unknown. Answers from the
// services pass through untouched. Logs name the route, cluster and error kind only: never the
// path, query string or body.
public sealed partial class GrpcProxyErrorMiddleware(RequestDelegate next, ILogger<GrpcProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var timedOut = context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;
        var error = context.GetForwarderErrorFeature()?.Error ?? ForwarderError.None;
        if (error == ForwarderError.None && !timedOut)
        {
            return;
        }

        var proxy = context.GetReverseProxyFeature();
        var route = proxy.Route.Config.RouteId;
        var cluster = proxy.Cluster?.Config.ClusterId ?? "none";
        if (!timedOut && context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away (cancelled or its deadline passed); nothing to answer.
            LogCallerGone(route, error);
            return;
        }

        LogProxyFailure(route, cluster, error, timedOut);
        var response = context.Response;
        if (response.HasStarted)
        {
            // YARP has already reset the stream; the caller sees the call end abnormally.
            return;
        }

        if (!GrpcProtocol.IsGrpcRequest(context.Request))
        {
            if (timedOut) response.StatusCode = StatusCodes.Status504GatewayTimeout;
            return;
        }

        var (status, message) = Describe(context, cluster, error, timedOut);
        await GrpcStatusResponse.WriteAsync(context, status, message);
    }

    private static (StatusCode, string) Describe(HttpContext context, string cluster, ForwarderError error, bool timedOut)
    {
        if (timedOut)
        {
            return (StatusCode.DeadlineExceeded, $"The gateway's time limit for calls to '{cluster}' elapsed before the service answered.");
        }
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (StatusCode.ResourceExhausted, limit is > 0
                ? $"The request is larger than the {limit} bytes the gateway accepts for '{cluster}'."
                : $"The request is larger than the gateway accepts for '{cluster}'.");
        }
        return error switch
        {
            ForwarderError.NoAvailableDestinations =>
                (StatusCode.Unavailable, $"No instance of '{cluster}' is available; retry later."),
            ForwarderError.RequestTimedOut =>
                (StatusCode.Unavailable, $"The service '{cluster}' did not accept the call in time; retry later."),
            ForwarderError.RequestBodyClient =>
                (StatusCode.Internal, "The gateway could not read the call's request."),
            _ => (StatusCode.Unavailable, $"The service '{cluster}' could not be reached; retry later."),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxying on route {Route} to cluster {Cluster} failed: {Error} (route timeout: {TimedOut})")]
    private partial void LogProxyFailure(string route, string cluster, ForwarderError error, bool timedOut);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caller left during proxying on route {Route} ({Error})")]
    private partial void LogCallerGone(string route, ForwarderError error);
}
