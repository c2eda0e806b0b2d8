using System.Globalization;
using System.Text.Json;

namespace Samverkan.Portal.Operations;

// Instant queries against Prometheus' HTTP API (GET /api/v1/query). The address is Portal:PrometheusUrl,
// which the AppHost sets when it starts Prometheus; without it the operations page says so. Its own
// HttpClient with short timeouts and no retries: a page must say "not reachable" within seconds,
// not after the platform's default resilience pipeline has retried for half a minute.
public sealed class PrometheusClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly HttpClient? _http;

    public PrometheusClient(Microsoft.Extensions.Options.IOptions<PortalOptions> options)
    {
        if (Uri.TryCreate(options.Value.PrometheusUrl, UriKind.Absolute, out var address))
        {
            Address = address;
            _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) }) { BaseAddress = address, Timeout = Timeout };
        }
    }

    // Null when no Prometheus is configured.
    public Uri? Address { get; }

    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promql, CancellationToken cancellationToken)
    {
        if (_http is null) throw new PrometheusUnavailableException("Ingen Prometheus-adress är inställd (Portal:PrometheusUrl).");
        try
        {
            using var response = await _http.GetAsync("api/v1/query?query=" + Uri.EscapeDataString(promql), cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            var root = json.RootElement;
            if (!response.IsSuccessStatusCode || root.GetProperty("status").GetString() != "success")
            {
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                throw new PrometheusUnavailableException($"Prometheus svarade {(int)response.StatusCode}: {error}");
            }
            return Samples(root.GetProperty("data"));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new PrometheusUnavailableException($"Prometheus på {Address} kan inte nås.", e);
        }
    }

    // A vector result: one sample per series (labels and the value now). NaN stays NaN.
    private static List<PrometheusSample> Samples(JsonElement data)
    {
        var samples = new List<PrometheusSample>();
        if (data.GetProperty("resultType").GetString() != "vector") return samples;
        foreach (var series in data.GetProperty("result").EnumerateArray())
        {
            var labels = series.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
            var text = series.GetProperty("value")[1].GetString();
            samples.Add(new PrometheusSample(labels, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN));
        }
        return samples;
    }

    public void Dispose() => _http?.Dispose();
}

public sealed record PrometheusSample(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

public sealed class PrometheusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
