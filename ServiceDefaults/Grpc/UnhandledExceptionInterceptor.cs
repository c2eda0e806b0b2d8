using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Samverkan.ServiceDefaults.Grpc;

// Services answer bad input with a precise RpcException themselves. Anything else that escapes is
// a bug or an outage: the caller gets Internal (or Unavailable when the store is unreachable)
// with the trace id to quote to operations, and the log gets the exception type only, because
// exception messages from lower layers can contain request data.
public sealed partial class UnhandledExceptionInterceptor(ILogger<UnhandledExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
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
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? "none";
        LogUnhandled(context.Method, ex.GetType().FullName ?? "unknown", traceId);

        var unavailable = ex.GetType().FullName?.StartsWith("StackExchange.Redis.", StringComparison.Ordinal) == true
            || ex is TimeoutException;
        return unavailable
            ? new RpcException(new Status(StatusCode.Unavailable, $"The store is unavailable; retry later (trace {traceId})."))
            : new RpcException(new Status(StatusCode.Internal, $"Internal error (trace {traceId})."));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method} (trace {TraceId})")]
    private partial void LogUnhandled(string method, string exceptionType, string traceId);
}
