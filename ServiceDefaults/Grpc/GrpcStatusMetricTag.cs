using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Samverkan.ServiceDefaults.Grpc;

// ASP.NET Core's http.server.request.duration says 200 for every gRPC call, failed or not, and
// Grpc.AspNetCore adds no status to it. This adds the call's final gRPC status code ("0".."16", from
// the trailers, or the headers of a trailers-only answer) as tag grpc.status, so error-rate and
// store-unavailable alerts (deploy/prometheus/alerts.yml) can tell failures apart. Bounded: 17 values.
public static class GrpcStatusMetricTag
{
    public const string TagName = "grpc.status";

    public static IApplicationBuilder UseGrpcStatusMetricTag(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Features.Get<IHttpMetricsTagsFeature>() is not { } metrics ||
            context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        var status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"] ?? StringValues.Empty;
        if (StringValues.IsNullOrEmpty(status)) status = context.Response.Headers["grpc-status"];
        if (!StringValues.IsNullOrEmpty(status) && int.TryParse(status.ToString(), out var code) && code is >= 0 and <= 16)
        {
            metrics.Tags.Add(new(TagName, code.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    });
}
