using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Samverkan.Gateway.Grpc;
using Samverkan.Gateway.RateLimiting;
using Samverkan.ServiceDefaults.Http;

namespace Microsoft.Extensions.Hosting;

public static class GatewayRateLimitingExtensions
{
    // Route policy names (ReverseProxy:Routes:{id}:RateLimiterPolicy).
    public const string PerClientPolicy = "per-client";
    public const string PerIpPolicy = "per-ip";

    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(GatewayRateLimitOptions.SectionName).Get<GatewayRateLimitOptions>()
            ?? new GatewayRateLimitOptions();

        builder.Services.AddSingleton<RateLimitMetrics>();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;

            options.AddPolicy(PerClientPolicy, context =>
            {
                var user = context.User;
                if (user.Identity?.IsAuthenticated != true)
                {
                    return TokenBucket(RateLimitPartitions.AddressKey(context.Connection.RemoteIpAddress), limits.PerIp);
                }
                var settings = limits.Clients.GetValueOrDefault(RateLimitPartitions.ClientOf(user), limits.PerClient);
                return TokenBucket(RateLimitPartitions.ClientKey(user), settings);
            });
            options.AddPolicy(PerIpPolicy, context =>
                TokenBucket(RateLimitPartitions.AddressKey(context.Connection.RemoteIpAddress), limits.PerIp));
        });
        return builder;
    }

    private static RateLimitPartition<string> TokenBucket(string key, TokenBucketSettings settings) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.TokenLimit,
            TokensPerPeriod = settings.TokensPerPeriod,
            ReplenishmentPeriod = settings.ReplenishmentPeriod,
            QueueLimit = settings.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

    // gRPC callers get ResourceExhausted (8) with a retry hint (grpc-retry-pushback-ms and a
    // google.rpc.RetryInfo detail) in a trailers-only response that ends the stream normally; others
    // get 429 + Retry-After (HTTP/JSON callers with a google.rpc.Status body).
    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : (TimeSpan?)null;
        context.RequestServices.GetRequiredService<RateLimitMetrics>().Rejected(context.User);
        var seconds = retryAfter is { } r ? Math.Max(1, (int)Math.Ceiling(r.TotalSeconds)) : 1;
        var caller = context.User.Identity?.IsAuthenticated == true
            ? $"client '{RateLimitPartitions.ClientOf(context.User)}' in organisation '{RateLimitPartitions.OrganisationOf(context.User)}'"
            : "this address";

        if (RefusalLogThrottle.ShouldLog(caller, System.Diagnostics.Stopwatch.GetTimestamp()))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samverkan.Gateway.RateLimiting")
                .LogWarning("Rate limit exhausted for {Caller} (logged at most once per {Interval})", caller, RefusalLogThrottle.Interval);
        }

        if (GrpcProtocol.IsGrpcRequest(context.Request))
        {
            await GrpcStatusResponse.WriteAsync(context, StatusCode.ResourceExhausted,
                $"The rate limit for {caller} is exhausted; retry in {seconds} s.", TimeSpan.FromSeconds(seconds));
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        if (JsonStatusResponse.IsJsonCaller(context.Request))
        {
            await JsonStatusResponse.WriteAsync(context.Response, StatusCodes.Status429TooManyRequests, StatusCode.ResourceExhausted,
                $"The rate limit for {caller} is exhausted; retry in {seconds} s.");
        }
    }
}
