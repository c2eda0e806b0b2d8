using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

// Operational endpoints (Prometheus /metrics) that a process facing the outside world - the
// gateway - must not answer on its public ports. Setting Telemetry:MetricsEndpointName to the name of
// a Kestrel endpoint ("management") serves them only on connections to that endpoint's port; the
// ingress never routes there, Prometheus scrapes it directly. The check uses the connection's local
// port, not the Host header (which a caller chooses). If the named endpoint is not configured, the
// endpoints are not served at all rather than served publicly.
public static class ManagementEndpoint
{
    public const string SettingKey = "Telemetry:MetricsEndpointName";

    public sealed class OnlyMarker;

    public static void RestrictToManagementEndpoint(this WebApplication app, IEndpointConventionBuilder endpoint)
    {
        var name = app.Configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var port = PortOf(app.Configuration, name);
        if (port is null)
        {
            app.Logger.LogWarning("{Setting} names endpoint {Endpoint}, which has no Kestrel:Endpoints:{Endpoint}:Url with a fixed port: metrics are not served",
                SettingKey, name, name);
        }
        endpoint.WithMetadata(new OnlyMarker());
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<OnlyMarker>() is not null && context.Connection.LocalPort != port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        });
    }

    public static int? PortOf(IConfiguration configuration, string endpointName)
    {
        var url = configuration[$"Kestrel:Endpoints:{endpointName}:Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }
        // Kestrel accepts wildcard hosts (http://+:9090, http://*:9090) that Uri cannot parse.
        var authority = url.Split("://", 2) is [_, var rest] ? rest.Split('/', 2)[0] : url;
        var colon = authority.LastIndexOf(':');
        return colon >= 0 && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0
            ? port
            : null;
    }
}
