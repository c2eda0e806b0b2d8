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
// services pass through untouched. This is the gateway's log of proxy failures (YARP's own, which
// carries exception messages, is turned down in appsettings): route, cluster, error kind and
// exception type only, never the path, query string, body or exception message (docs/privacy.md).
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

        LogProxyFailure(route, cluster, error, timedOut, ExceptionTypes(context.GetForwarderErrorFeature()?.Exception));
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
            // SocketsHttpHandler reports its ConnectTimeout with an inner TimeoutException: the call
            // never reached the service. Otherwise the cluster's ActivityTimeout passed while the
            // service was working on the call, so its outcome is unknown.
            ForwarderError.RequestTimedOut when HasTimeoutException(context.GetForwarderErrorFeature()?.Exception) =>
                (StatusCode.Unavailable, $"The service '{cluster}' did not accept a connection in time; retry later."),
            ForwarderError.RequestTimedOut =>
                (StatusCode.DeadlineExceeded, $"The service '{cluster}' did not answer within the gateway's activity timeout."),
            // The caller's request stream failed while it was being forwarded (its connection or stream
            // was reset). Whether the service saw the whole request is unknown: retry with the same
            // request id. Never Internal: nothing is wrong inside the platform (issue #22).
            ForwarderError.RequestBodyClient =>
                (StatusCode.Unavailable, $"The gateway could not read the whole request for '{cluster}'; retry it with the same request id."),
            _ => (StatusCode.Unavailable, $"The service '{cluster}' could not be reached; retry later."),
        };
    }

    private static bool HasTimeoutException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException) return true;
        }
        return false;
    }

    // "HttpRequestException <- SocketException": the chain of exception types, innermost last.
    private static string ExceptionTypes(Exception? exception)
    {
        var types = new List<string>();
        for (var e = exception; e is not null && types.Count < 4; e = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e.InnerException)
        {
            types.Add(e.GetType().Name);
        }
        return types.Count > 0 ? string.Join(" <- ", types) : "none";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proxying on route {Route} to cluster {Cluster} failed: {Error} (route timeout: {TimedOut}; {ExceptionTypes})")]
    private partial void LogProxyFailure(string route, string cluster, ForwarderError error, bool timedOut, string exceptionTypes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caller left during proxying on route {Route} ({Error})")]
    private partial void LogCallerGone(string route, ForwarderError error);
}
