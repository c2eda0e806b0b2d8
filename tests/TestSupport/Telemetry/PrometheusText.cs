using System.Globalization;
using System.Text.RegularExpressions;

namespace Samverkan.TestSupport.Telemetry;

// The Prometheus text exposition format as a process's /metrics serves it, parsed into samples:
// enough to read a counter or gauge by name and labels in a test.
public sealed partial class PrometheusText
{
    private PrometheusText(IReadOnlyList<PrometheusSample> samples) => Samples = samples;

    public IReadOnlyList<PrometheusSample> Samples { get; }

    public IEnumerable<string> Names => Samples.Select(s => s.Name).Distinct(StringComparer.Ordinal);

    public static PrometheusText Parse(string text)
    {
        var samples = new List<PrometheusSample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var match = SampleLine().Match(line.TrimEnd('\r'));
            if (!match.Success) continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups[1].Value, m => Regex.Unescape(m.Groups[2].Value), StringComparer.Ordinal);
            samples.Add(new PrometheusSample(match.Groups["name"].Value, labels,
                double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return new PrometheusText(samples);
    }

    // GET /metrics of a process (HTTP/1.1, or h2c when the client is set up for it).
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http) =>
        Parse(await http.GetStringAsync("/metrics"));

    // Scrapes until `ready` holds or `timeout` passes, and returns the last scrape either way (the
    // caller asserts on it): the exporter serves a cached scrape for a short while (300 ms by
    // default), so a counter added just after one scrape can be missing from the next.
    public static async Task<PrometheusText> ScrapeUntilAsync(HttpClient http, Func<PrometheusText, bool> ready, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var scraped = await ScrapeAsync(http);
            if (ready(scraped) || DateTime.UtcNow >= deadline) return scraped;
            await Task.Delay(100);
        }
    }

    // The sum of every sample of the metric whose labels include all the given ones (0 when none).
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}

public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
