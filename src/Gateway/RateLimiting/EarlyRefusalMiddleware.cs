using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Samverkan.Gateway.RateLimiting;

// First step after the edge (correlation id, gRPC-Web): a call whose bearer token the per-client
// limiter refused less than its retry time ago is refused again, with the same answer and the
// remaining retry time, without authenticating, authorizing or rate-limiting it (RefusedTokens).
//
// The refusal is also held back for up to MaxHold (never past the retry time, never more than half
// the caller's grpc-timeout, at most MaxHeld calls at once). A client that retries at once, in a
// closed loop, otherwise retries as fast as the gateway can refuse: the cheaper the refusal, the
// more refusals per second, and the storm's CPU (the gateway's and, on a shared machine, the
// storm's own) is taken from every other caller. Holding costs a timer, not CPU. A held call whose
// retry time has passed meanwhile takes the normal path. Measured in docs/benchmarks.md ("Gateway
// under overload"). Counted as samverkan.gateway.early_refusals (the rate-limiting
// middleware does not see these calls).
public sealed class EarlyRefusalMiddleware(RequestDelegate next, RefusedTokens refused, RateLimitMetrics metrics)
{
    public static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(250);
    public const int MaxHeld = 2000;

    private static int s_held;

    public async Task InvokeAsync(HttpContext context)
    {
        var authorization = context.Request.Headers[HeaderNames.Authorization];
        if (authorization.Count != 1 || !refused.TryGet(authorization[0]!, out var refusal, out var remaining))
        {
            await next(context);
            return;
        }

        var hold = Hold(remaining, context.Request.Headers["grpc-timeout"]);
        if (hold > TimeSpan.Zero)
        {
            try
            {
                if (Interlocked.Increment(ref s_held) <= MaxHeld)
                {
                    await Task.Delay(hold, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                return; // The caller left; nothing to answer.
            }
            finally
            {
                Interlocked.Decrement(ref s_held);
            }
            if (!refused.TryGet(authorization[0]!, out refusal, out remaining))
            {
                await next(context);
                return;
            }
        }
        metrics.EarlyRefused();
        await RateLimitRefusal.WriteAsync(context, refusal.Caller, remaining);
    }

    // How long to hold a refusal: at most MaxHold, the remaining retry time and half the caller's
    // deadline (grpc-timeout, e.g. "10S", "500m"), so the caller gets ResourceExhausted, not
    // DeadlineExceeded.
    internal static TimeSpan Hold(TimeSpan remaining, string? grpcTimeout)
    {
        var hold = remaining < MaxHold ? remaining : MaxHold;
        if (TryParseGrpcTimeout(grpcTimeout, out var timeout) && timeout / 2 < hold) hold = timeout / 2;
        return hold > TimeSpan.Zero ? hold : TimeSpan.Zero;
    }

    internal static bool TryParseGrpcTimeout(string? value, out TimeSpan timeout)
    {
        timeout = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value) || value.Length > 9 ||
            !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        timeout = value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => TimeSpan.MinValue,
        };
        return timeout != TimeSpan.MinValue;
    }
}
