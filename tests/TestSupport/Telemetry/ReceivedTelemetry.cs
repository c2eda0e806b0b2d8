using System.Diagnostics;
using Google.Protobuf;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Logs.V1;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Metrics.V1;
using Samverkan.TestSupport.Telemetry.Otlp.Collector.Trace.V1;
using Samverkan.TestSupport.Telemetry.Otlp.Metrics.V1;
using Samverkan.TestSupport.Telemetry.Otlp.Trace.V1;

namespace Samverkan.TestSupport.Telemetry;

// Everything an OtlpReceiver was sent, flattened for queries: spans, log records and metric data
// points, each with the service.name of the process that sent it. Also keeps every export request's
// bytes, so a privacy check can look at fields this subset of OTLP does not model.
public sealed class ReceivedTelemetry
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedSpan> _spans = [];
    private readonly List<ReceivedLogRecord> _logRecords = [];
    private readonly List<ReceivedDataPoint> _dataPoints = [];
    private readonly List<ReceivedPayload> _payloads = [];

    public IReadOnlyList<ReceivedSpan> Spans
    {
        get { lock (_lock) return [.. _spans]; }
    }

    public IReadOnlyList<ReceivedLogRecord> LogRecords
    {
        get { lock (_lock) return [.. _logRecords]; }
    }

    public IReadOnlyList<ReceivedDataPoint> DataPoints
    {
        get { lock (_lock) return [.. _dataPoints]; }
    }

    // Each export request as it arrived (re-serialized, unknown fields included).
    public IReadOnlyList<ReceivedPayload> Payloads
    {
        get { lock (_lock) return [.. _payloads]; }
    }

    public IEnumerable<ReceivedSpan> SpansOfTrace(string traceId) =>
        Spans.Where(s => string.Equals(s.TraceId, traceId, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ReceivedSpan> SpansOf(string serviceName, Span.Types.SpanKind? kind = null, string? name = null) =>
        Spans.Where(s => s.ServiceName == serviceName && (kind is null || s.Kind == kind) && (name is null || s.Name == name));

    public ReceivedSpan? Parent(ReceivedSpan span) =>
        span.ParentSpanId is null ? null : SpansOfTrace(span.TraceId).FirstOrDefault(s => s.SpanId == span.ParentSpanId);

    // True when `ancestor` is the span's parent, grandparent, ... (as far as the spans were received).
    public bool IsDescendantOf(ReceivedSpan span, ReceivedSpan ancestor)
    {
        for (var current = Parent(span); current is not null; current = Parent(current))
        {
            if (current.SpanId == ancestor.SpanId && current.TraceId == ancestor.TraceId)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<ReceivedLogRecord> LogRecordsOf(string serviceName) => LogRecords.Where(r => r.ServiceName == serviceName);

    public IEnumerable<ReceivedDataPoint> DataPointsOf(string serviceName, string? metricName = null) =>
        DataPoints.Where(p => p.ServiceName == serviceName && (metricName is null || p.MetricName == metricName));

    // Exporters send in batches (the AppHost sets 1 s delays): polls until `condition` holds.
    public async Task WaitForAsync(Func<ReceivedTelemetry, bool> condition, TimeSpan timeout, string description)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (stopwatch.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Not received within {timeout.TotalSeconds} s: {description}. Received {Spans.Count} spans, " +
                    $"{LogRecords.Count} log records, {DataPoints.Count} data points from " +
                    $"[{string.Join(", ", Spans.Select(s => s.ServiceName).Distinct().Order())}].");
            }

            await Task.Delay(100);
        }
    }

    internal void Add(ExportTraceServiceRequest request)
    {
        var spans = request.ResourceSpans.SelectMany(resource => resource.ScopeSpans.SelectMany(scope => scope.Spans.Select(span =>
            new ReceivedSpan(OtlpValues.ServiceName(resource.Resource), scope.Scope?.Name ?? "", span)))).ToList();
        lock (_lock)
        {
            _spans.AddRange(spans);
            _payloads.Add(Payload("traces", request.ResourceSpans.Select(r => r.Resource), request));
        }
    }

    internal void Add(ExportLogsServiceRequest request)
    {
        var records = request.ResourceLogs.SelectMany(resource => resource.ScopeLogs.SelectMany(scope => scope.LogRecords.Select(record =>
            new ReceivedLogRecord(OtlpValues.ServiceName(resource.Resource), scope.Scope?.Name ?? "", record)))).ToList();
        lock (_lock)
        {
            _logRecords.AddRange(records);
            _payloads.Add(Payload("logs", request.ResourceLogs.Select(r => r.Resource), request));
        }
    }

    internal void Add(ExportMetricsServiceRequest request)
    {
        var points = request.ResourceMetrics.SelectMany(resource => resource.ScopeMetrics.SelectMany(scope => scope.Metrics.SelectMany(metric =>
            DataPointsOf(metric).Select(point => new ReceivedDataPoint(
                OtlpValues.ServiceName(resource.Resource), scope.Scope?.Name ?? "", metric.Name, point.Attributes, point.ExemplarAttributes))))).ToList();
        lock (_lock)
        {
            _dataPoints.AddRange(points);
            _payloads.Add(Payload("metrics", request.ResourceMetrics.Select(r => r.Resource), request));
        }
    }

    private static ReceivedPayload Payload(string signal, IEnumerable<Otlp.Resource.V1.Resource?> resources, IMessage request) =>
        new(signal, [.. resources.Select(OtlpValues.ServiceName).Distinct()], request.ToByteArray());

    private static IEnumerable<(IReadOnlyList<Otlp.Common.V1.KeyValue> Attributes, IReadOnlyList<Otlp.Common.V1.KeyValue> ExemplarAttributes)> DataPointsOf(Metric metric) =>
        metric.DataCase switch
        {
            Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => Point(p.Attributes, p.Exemplars)),
            Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => Point(p.Attributes, p.Exemplars)),
            Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => Point(p.Attributes, p.Exemplars)),
            Metric.DataOneofCase.ExponentialHistogram => metric.ExponentialHistogram.DataPoints.Select(p => Point(p.Attributes, p.Exemplars)),
            Metric.DataOneofCase.Summary => metric.Summary.DataPoints.Select(p => Point(p.Attributes, [])),
            _ => [],
        };

    private static (IReadOnlyList<Otlp.Common.V1.KeyValue>, IReadOnlyList<Otlp.Common.V1.KeyValue>) Point(
        IEnumerable<Otlp.Common.V1.KeyValue> attributes, IEnumerable<Exemplar> exemplars) =>
        ([.. attributes], [.. exemplars.SelectMany(e => e.FilteredAttributes)]);
}
