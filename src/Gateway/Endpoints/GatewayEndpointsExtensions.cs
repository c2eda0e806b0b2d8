using System.Globalization;

namespace Microsoft.Extensions.Hosting;

// The gateway listens on two kinds of endpoint, because cleartext HTTP cannot offer HTTP/1.1 and
// HTTP/2 on one port (h2c needs prior knowledge, grpc/grpc-dotnet#919):
//   "http" - browsers, gRPC-Web, JSON and health probes (HTTP/1.1; with TLS also HTTP/2 via ALPN,
//            so native gRPC works there too);
//   "grpc" - native gRPC over cleartext HTTP/2 (h2c), meant for loopback and trusted networks.
//
// Contract with the launcher (either form):
//   a) Aspire style: Kestrel__Endpoints__http__Url=http://localhost:5200
//                    Kestrel__Endpoints__grpc__Url=http://localhost:5201
//      (an endpoint whose name starts with "grpc" and has no Protocols gets Http2);
//   b) ASPNETCORE_URLS=http://localhost:5200 plus GRPC_URLS=http://localhost:5201 (';'-separated,
//      same syntax as ASPNETCORE_URLS) or GRPC_PORT=5201 (short for http://localhost:5201).
// With neither a gRPC endpoint nor Kestrel endpoints configured, Kestrel's defaults apply.
public static class GatewayEndpointsExtensions
{
    public const string GrpcUrlsKey = "GRPC_URLS";
    public const string GrpcPortKey = "GRPC_PORT";
    private const string EndpointsSection = "Kestrel:Endpoints";

    public static WebApplicationBuilder AddGatewayEndpoints(this WebApplicationBuilder builder)
    {
        var settings = KestrelEndpointSettings(builder.Configuration);
        if (settings.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        return builder;
    }

    // The Kestrel endpoint settings that implement the contract above for this configuration.
    internal static Dictionary<string, string?> KestrelEndpointSettings(IConfiguration configuration)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var declared = configuration.GetSection(EndpointsSection).GetChildren().ToList();
        if (declared.Count > 0)
        {
            foreach (var endpoint in declared)
            {
                if (endpoint.Key.StartsWith("grpc", StringComparison.OrdinalIgnoreCase) && endpoint["Protocols"] is null)
                {
                    settings[$"{EndpointsSection}:{endpoint.Key}:Protocols"] = "Http2";
                }
            }
            return settings;
        }

        var grpcUrls = SplitUrls(configuration[GrpcUrlsKey]);
        if (grpcUrls.Count == 0 && int.TryParse(configuration[GrpcPortKey], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            grpcUrls.Add($"http://localhost:{port}");
        }
        if (grpcUrls.Count == 0)
        {
            return settings;
        }

        // Kestrel ignores ASPNETCORE_URLS once endpoints are configured, so the HTTP URLs become
        // endpoints too, with Kestrel's default protocols.
        var httpUrls = SplitUrls(configuration[WebHostDefaults.ServerUrlsKey]);
        for (var i = 0; i < httpUrls.Count; i++)
        {
            settings[$"{EndpointsSection}:{Name("http", i)}:Url"] = httpUrls[i];
        }
        for (var i = 0; i < grpcUrls.Count; i++)
        {
            settings[$"{EndpointsSection}:{Name("grpc", i)}:Url"] = grpcUrls[i];
            settings[$"{EndpointsSection}:{Name("grpc", i)}:Protocols"] = "Http2";
        }
        // Nothing left for the host to bind, so Kestrel does not warn about overriding it.
        settings[WebHostDefaults.ServerUrlsKey] = "";
        return settings;
    }

    private static string Name(string kind, int index) =>
        index == 0 ? kind : kind + index.ToString(CultureInfo.InvariantCulture);

    private static List<string> SplitUrls(string? urls) =>
        string.IsNullOrWhiteSpace(urls)
            ? []
            : [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
