using System.Text.Json;

namespace Samverkan.AppHost.Hosting;

// What a project's appsettings(.Development).json say about Kestrel, read the way Aspire reads it:
// named endpoints under Kestrel:Endpoints get their URL through Kestrel__Endpoints__{name}__Url
// instead of ASPNETCORE_URLS, and "Protocols": "Http2" marks an endpoint as h2c (gRPC).
public sealed class KestrelSettings
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, string?> _endpointProtocols = new(StringComparer.OrdinalIgnoreCase);
    private string? _defaultProtocols;

    public IReadOnlyCollection<string> EndpointNames => _endpointProtocols.Keys;

    public bool DeclaresEndpoints => _endpointProtocols.Count > 0;

    public static KestrelSettings Read(string projectDirectory, string environmentName)
    {
        var settings = new KestrelSettings();
        foreach (var file in new[] { "appsettings.json", $"appsettings.{environmentName}.json" })
        {
            var path = Path.Combine(projectDirectory, file);
            if (File.Exists(path))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path), JsonOptions);
                settings.Merge(document.RootElement);
            }
        }

        return settings;
    }

    // An endpoint named "grpc..." without explicit Protocols is h2c: the platform's convention, which
    // the gateway applies to its own Kestrel endpoints too.
    public bool IsHttp2Only(string endpointName)
    {
        var protocols = _endpointProtocols.GetValueOrDefault(endpointName)
            ?? (endpointName.StartsWith("grpc", StringComparison.OrdinalIgnoreCase) ? "Http2" : _defaultProtocols);
        return string.Equals(protocols, "Http2", StringComparison.OrdinalIgnoreCase);
    }

    private void Merge(JsonElement root)
    {
        if (Child(root, "Kestrel") is not { } kestrel)
        {
            return;
        }

        if (Child(kestrel, "EndpointDefaults") is { } defaults && Child(defaults, "Protocols") is { ValueKind: JsonValueKind.String } protocols)
        {
            _defaultProtocols = protocols.GetString();
        }

        if (Child(kestrel, "Endpoints") is { ValueKind: JsonValueKind.Object } endpoints)
        {
            foreach (var endpoint in endpoints.EnumerateObject())
            {
                var endpointProtocols = Child(endpoint.Value, "Protocols") is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
                _endpointProtocols[endpoint.Name] = endpointProtocols ?? _endpointProtocols.GetValueOrDefault(endpoint.Name);
            }
        }
    }

    // Configuration keys are case-insensitive.
    private static JsonElement? Child(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
