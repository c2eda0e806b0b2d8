using Samverkan.TestSupport.Telemetry.Otlp.Common.V1;

namespace Samverkan.TestSupport.Telemetry;

// One exported metric data point: the metric it belongs to and its attribute set. ExemplarAttributes
// are the exemplars' filtered attributes (measurement tags not in the data point's set).
public sealed record ReceivedDataPoint(
    string ServiceName, string ScopeName, string MetricName, IReadOnlyList<KeyValue> RawAttributes, IReadOnlyList<KeyValue> ExemplarAttributes)
{
    public IReadOnlyDictionary<string, string> Attributes { get; } = OtlpValues.Texts(RawAttributes);

    public override string ToString() =>
        $"{MetricName} from {ServiceName} {{{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}}}";
}
