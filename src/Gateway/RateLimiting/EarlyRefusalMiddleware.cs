using System.Diagnostics.Metrics;
using Microsoft.Net.Http.Headers;

namespace Samverkan.Gateway.RateLimiting;

// First step after the edge (correlation id, gRPC-Web): a call whose bearer token the per-client
// limiter refused less than its retry time ago is refused again at once, with the same answer and
// the remaining retry time, without authenticating, authorizing or routing it (RefusedTokens).
// Measured in docs/benchmarks.md ("Gateway under overload"). Counted, by client, as
// samverkan.gateway.early_refusals (the rate-limiting middleware does not see these calls).
public sealed class EarlyRefusalMiddleware(RequestDelegate next, RefusedTokens refused, IMeterFactory meters)
{
    private readonly Counter<long> _count = meters.Create("Samverkan.Gateway")
        .CreateCounter<long>("samverkan.gateway.early_refusals", "{call}", "Calls refused before authentication because their token is still inside a rate-limit refusal's retry time.");

    public Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization];
        if (authorization.Count != 1 || !refused.TryGet(authorization[0]!, out var refusal, out var remaining))
        {
            return next(context);
        }
        _count.Add(1);
        return RateLimitRefusal.WriteAsync(context, refusal.Caller, remaining);
    }
}
