using System.Diagnostics;

namespace Samverkan.Gateway.Correlation;

// Makes sure every request carries an x-correlation-id: the caller's if acceptable, otherwise a new
// one. The id is set on the request (so YARP forwards it to the service), returned on the response,
// tagged on the gateway's span and put in the logging scope.
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var id = CorrelationId.IsAcceptable(incoming) ? incoming : CorrelationId.NewId();

        context.Request.Headers[CorrelationId.HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("samverkan.correlation_id", id);

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
