using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Samverkan.Gateway.RateLimiting;

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

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RefusedTokens>();
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

    // Refused calls of a client that retries at once are answered before authentication
    // (RefusedTokens); call before UseAuthentication, after the edge.
    public static WebApplication UseGatewayEarlyRefusal(this WebApplication app)
    {
        app.UseMiddleware<EarlyRefusalMiddleware>();
        return app;
    }

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        context.RequestServices.GetRequiredService<RateLimitMetrics>().Rejected(context.User);
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        var caller = authenticated
            ? $"client '{RateLimitPartitions.ClientOf(context.User)}' in organisation '{RateLimitPartitions.OrganisationOf(context.User)}'"
            : "this address";

        if (RefusalLogThrottle.ShouldLog(caller, System.Diagnostics.Stopwatch.GetTimestamp()))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samverkan.Gateway.RateLimiting")
                .LogWarning("Rate limit exhausted for {Caller} (logged at most once per {Interval})", caller, RefusalLogThrottle.Interval);
        }
        if (authenticated && context.Request.Headers[HeaderNames.Authorization] is [{ } authorization])
        {
            context.RequestServices.GetRequiredService<RefusedTokens>().Add(authorization, context.User, caller, retryAfter);
        }
        return new ValueTask(RateLimitRefusal.WriteAsync(context, caller, retryAfter));
    }
}
