using Samverkan.TestSupport.Telemetry.Otlp.Trace.V1;

namespace Samverkan.TestSupport.Telemetry;

// One exported span. Ids are lower-case hex as in a traceparent header; ParentSpanId is null for a root.
public sealed record ReceivedSpan(string ServiceName, string ScopeName, Span Span)
{
    public string TraceId { get; } = Convert.ToHexStringLower(Span.TraceId.Span);

    public string SpanId { get; } = Convert.ToHexStringLower(Span.SpanId.Span);

    public string? ParentSpanId { get; } = Span.ParentSpanId.IsEmpty ? null : Convert.ToHexStringLower(Span.ParentSpanId.Span);

    public string Name => Span.Name;

    public Span.Types.SpanKind Kind => Span.Kind;

    // Attribute values as text (see OtlpValues.Text).
    public IReadOnlyDictionary<string, string> Attributes { get; } = OtlpValues.Texts(Span.Attributes);

    public override string ToString() => $"{Kind} '{Name}' from {ServiceName} ({ScopeName}), span {SpanId}, parent {ParentSpanId ?? "none"}";
}
