using System.Globalization;
using Grpc.Core;
using Microsoft.Net.Http.Headers;
using Samverkan.Gateway.Grpc;
using Samverkan.ServiceDefaults.Http;

namespace Samverkan.Gateway.RateLimiting;

// The answer to a call over its client's rate limit. gRPC callers get ResourceExhausted (8) with a
// retry hint (grpc-retry-pushback-ms and a google.rpc.RetryInfo detail) in a trailers-only response
// that ends the stream normally; others get 429 + Retry-After (HTTP/JSON callers with a
// google.rpc.Status body). `caller` names a client and organisation or "this address", never a person.
public static class RateLimitRefusal
{
    public static Task WriteAsync(HttpContext context, string caller, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var message = $"The rate limit for {caller} is exhausted; retry in {seconds} s.";
        if (GrpcProtocol.IsGrpcRequest(context.Request))
        {
            return GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted, message, TimeSpan.FromSeconds(seconds));
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return JsonStatusResponse.IsJsonCaller(context.Request)
            ? JsonStatusResponse.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted, message)
            : Task.CompletedTask;
    }
}
