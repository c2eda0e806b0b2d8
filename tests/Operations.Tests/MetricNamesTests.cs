using System.Text.RegularExpressions;
using Xunit;

namespace Samverkan.Operations.Tests;

// The alert rules and dashboards name metrics as the OpenTelemetry Prometheus exporter writes them
// (samverkan.discharge.notices -> samverkan_discharge_notices_total). A renamed instrument, or a rule
// written for one that does not exist, would leave an alert that can never fire: every samverkan_*
// name they use must be an instrument defined in src/, and every instrument must be in the catalogue
// of docs/operations.md. (That the instruments are really exported with the right values is shown by
// Privacy.Tests' DomainMetricsFlowTests against running processes.)
public sealed partial class MetricNamesTests
{
    private static readonly string Root = PrometheusConfigurationTests.RepositoryRoot;

    // Suffixes the exporter adds: counters _total, units (ms -> _milliseconds), histogram series.
    private static readonly string[] Suffixes = ["", "_total", "_milliseconds_bucket", "_milliseconds_count", "_milliseconds_sum",
        "_seconds_bucket", "_seconds_count", "_seconds_sum", "_bucket", "_count", "_sum"];

    [Fact]
    public void Every_samverkan_metric_used_by_alerts_and_dashboards_is_a_defined_instrument()
    {
        var instruments = DefinedInstruments();
        var used = new[] { "deploy/prometheus/alerts.yml", "deploy/grafana/platform.json", "deploy/grafana/collaboration.json" }
            .SelectMany(file => PrometheusName().Matches(File.ReadAllText(Path.Combine(Root, file))).Select(m => (File: file, Name: m.Value)))
            .Distinct()
            .ToList();

        Assert.Contains(used, u => u.Name == "samverkan_events_consumer_lag");
        Assert.Contains(used, u => u.Name == "samverkan_sip_plans");
        var unknown = used.Where(u => !instruments.Any(i => Suffixes.Any(s => u.Name == i.Replace('.', '_') + s))).ToList();
        Assert.True(unknown.Count == 0, "Not an instrument in src/: " + string.Join(", ", unknown.Select(u => $"{u.Name} ({u.File})")));
    }

    [Fact]
    public void Every_instrument_is_in_the_operations_catalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(Root, "docs/operations.md"));
        var instruments = DefinedInstruments();

        Assert.Contains("samverkan.identity.login.failures", instruments);
        var missing = instruments.Where(i => !catalogue.Contains($"`{i}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "Not in docs/operations.md's metric catalogue: " + string.Join(", ", missing));
    }

    // Instrument names: "samverkan.*" string literals in source files that create instruments.
    private static HashSet<string> DefinedInstruments() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .Where(text => text.Contains("System.Diagnostics.Metrics", StringComparison.Ordinal))
            .SelectMany(text => InstrumentLiteral().Matches(text).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\bsamverkan_[a-z0-9_]+")]
    private static partial Regex PrometheusName();

    [GeneratedRegex(@"""(samverkan\.[a-z0-9_.]+)""")]
    private static partial Regex InstrumentLiteral();
}
