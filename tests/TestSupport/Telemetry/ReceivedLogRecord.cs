using Samverkan.TestSupport.Telemetry.Otlp.Logs.V1;

namespace Samverkan.TestSupport.Telemetry;

// One exported log record; ScopeName is the logger category.
public sealed record ReceivedLogRecord(string ServiceName, string ScopeName, LogRecord Record)
{
    public string Body => Record.Body is null ? "" : OtlpValues.Text(Record.Body);

    public IReadOnlyDictionary<string, string> Attributes { get; } = OtlpValues.Texts(Record.Attributes);

    public string? TraceId => Record.TraceId.IsEmpty ? null : Convert.ToHexStringLower(Record.TraceId.Span);

    public override string ToString() => $"{Record.SeverityText} {ScopeName} from {ServiceName}: {Body}";
}
