using Grpc.Core;
using Grpc.Core.Interceptors;
using Samverkan.DischargeNotices.Application.Telemetry;

namespace Samverkan.DischargeNotices.Grpc.Errors;

// Maps the service's rule violations to gRPC statuses (RpcErrors) and counts every refusal by
// operation and status. Runs inside ServiceDefaults' interceptor, which handles everything else.
public sealed class DischargeErrorInterceptor(DischargeMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Refusal(ex, context) is { } refusal)
        {
            throw refusal;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Refusal(ex, context) is { } refusal)
        {
            throw refusal;
        }
    }

    private RpcException? Refusal(Exception exception, ServerCallContext context)
    {
        var refusal = exception as RpcException ?? RpcErrors.Translate(exception);
        if (refusal is not null && refusal.StatusCode != StatusCode.Cancelled)
        {
            metrics.Rejected(Operation(context.Method), refusal.StatusCode.ToString());
        }
        return refusal;
    }

    // "/samverkan.discharge.v1.DischargeNotices/GetCase" → "GetCase" (a bounded vocabulary).
    private static string Operation(string method) => method[(method.LastIndexOf('/') + 1)..];
}
