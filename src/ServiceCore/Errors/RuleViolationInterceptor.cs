using Grpc.Core;
using Grpc.Core.Interceptors;
using Samverkan.Store;

namespace Samverkan.ServiceCore.Errors;

// Maps refusals (RuleViolation and the few other known refusals, see RpcErrors) to gRPC statuses
// and reports each to the registered IRejectionObservers. Registered for every service by
// AddServiceCore; runs inside ServiceDefaults' UnhandledExceptionInterceptor, which handles
// everything else.
public sealed class RuleViolationInterceptor(IEnumerable<IRejectionObserver> observers, IServiceProvider services) : Interceptor
{
    private readonly IRejectionObserver[] _observers = observers.ToArray();

    // ErrorInfo.domain: "{keyspace}.samverkan.se", e.g. "discharge.samverkan.se".
    private readonly string _errorDomain = services.GetService(typeof(StoreKeyspace)) is StoreKeyspace keyspace
        ? $"{keyspace.Service}.{RpcErrors.Domain}"
        : RpcErrors.Domain;

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
        var refusal = exception as RpcException ?? RpcErrors.Translate(exception, _errorDomain);
        if (refusal is not null && refusal.StatusCode != StatusCode.Cancelled)
        {
            foreach (var observer in _observers) observer.Rejected(Operation(context.Method), refusal.StatusCode.ToString());
        }
        return refusal;
    }

    // "/samverkan.discharge.v1.DischargeNotices/GetCase" → "GetCase" (a bounded vocabulary).
    private static string Operation(string method) => method[(method.LastIndexOf('/') + 1)..];
}
